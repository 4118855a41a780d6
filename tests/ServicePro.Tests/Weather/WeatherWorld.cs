using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Host.Catalog;
using ServicePro.Host.Jobs;
using ServicePro.Host.Tenancy;
using ServicePro.Host.Weather;
using ServicePro.Tests.Fakes;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Weather;

/// <summary>The host with provider fakes, and customer weather notices recorded instead of sent.</summary>
public sealed class WeatherApp : FakedProvidersApp
{
    public RecordingWeatherNotifier Notifier { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IWeatherNotifier>(Notifier));
    }
}

/// <summary>Keeps the notices it is given and answers as scripted (sent, unless told otherwise).</summary>
public sealed class RecordingWeatherNotifier : IWeatherNotifier
{
    public ConcurrentQueue<WeatherNotice> Notices { get; } = new();

    public WeatherNoticeOutcome Answer { get; set; } = WeatherNoticeOutcome.Delivered;

    public Task<WeatherNoticeOutcome> NotifyAsync(WeatherNotice notice, CancellationToken ct)
    {
        Notices.Enqueue(notice);
        return Task.FromResult(Answer);
    }
}

/// <summary>
/// An auto-detailing tenant (America/Chicago, Tulsa service area, weather rescheduling on by the pack) open 08:00–17:00
/// every day on a half-hour grid with one hour's notice, one technician on shift 08:00–18:00 every day, one-hour
/// outdoor and indoor services, and one customer. <see cref="Today"/> is the first day of the Open-Meteo fake's
/// forecast, which serves the recorded storm week.
/// </summary>
internal sealed record WeatherWorld(
    ServiceProApp App, TestTenant Tenant, Guid TenantId, Guid OutdoorServiceId, Guid IndoorServiceId, Guid CustomerId, Guid TechnicianId,
    DateOnly Today)
{
    public const string Zone = "America/Chicago";
    public const string StormWeek = "open-meteo-tulsa-storm-week.json";

    public string Slug => Tenant.Slug;

    public HttpClient Owner => Tenant.Owner;

    public FakeOpenMeteo OpenMeteo => App.Fakes.OpenMeteo;

    /// <summary>The recording's day 1: rain from 5 AM to 9 PM, 0.28 in between 10 and 11 AM, gusts to 29 mph at 11 AM.</summary>
    public DateOnly StormDay => Today.AddDays(1);

    public static async Task<WeatherWorld> CreateAsync(ServiceProApp app)
    {
        var tenant = await app.CreateTenantAsync("auto_detail");
        var customer = await tenant.Owner.PostAsJsonAsync("/api/customers", new { name = "Dana Reyes", phone = "+19185550142", address = "12 Elm St, Tulsa" });
        customer.EnsureSuccessStatusCode();
        var customerId = (await customer.Content.ReadFromJsonAsync<IdOnly>())!.Id;

        var technician = await tenant.Owner.PostAsJsonAsync("/api/technicians", new { name = "Marcus Lee" });
        technician.EnsureSuccessStatusCode();
        var technicianId = (await technician.Content.ReadFromJsonAsync<IdOnly>())!.Id;
        var shifts = await tenant.Owner.PutAsJsonAsync($"/api/technicians/{technicianId}/shifts",
            BusinessDay.Weekdays.Select(weekday => new { weekday, start = "08:00", end = "18:00" }));
        shifts.EnsureSuccessStatusCode();

        var (tenantId, outdoor, indoor) = await app.InTenantAsync(tenant.Slug, async db =>
        {
            var settings = await db.TenantSettings.SingleAsync();
            settings.BusinessHours = BusinessDay.Weekdays.ToDictionary(d => d, _ => new BusinessDay("08:00", "17:00", false));
            settings.SchedulerConfig = settings.SchedulerConfig with
            {
                HalfHourIncrements = true,
                MinimumNoticeHours = 1,
                AllowWeekendBookings = true,
                EnableLunchBreak = false,
                BufferMinutes = 30,
            };
            var services = await db.Services.Where(s => s.IsActive).OrderBy(s => s.SortOrder).Take(2).ToListAsync();
            foreach (var service in services)
            {
                service.DurationMinutes = 60;
                service.MaxDurationMinutes = 180;
            }

            services[1].IsOutdoor = false;
            await db.SaveChangesAsync();
            return (db.CurrentTenantId, services[0].Id, services[1].Id);
        });

        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone));
        app.Fakes.OpenMeteo.Reset();
        app.Fakes.OpenMeteo.Today = today;
        app.Fakes.OpenMeteo.ServeRecorded(StormWeek);
        return new WeatherWorld(app, tenant, tenantId, outdoor, indoor, customerId, technicianId, today);
    }

    /// <summary>The instant the business's wall clock reads <paramref name="hour"/>:<paramref name="minute"/> on <paramref name="day"/>.</summary>
    public static DateTimeOffset At(DateOnly day, int hour, int minute = 0)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Books the technician through the API (staff bookings are confirmed at once).</summary>
    public async Task<Guid> BookAsync(DateTimeOffset startsAt, Guid? serviceId = null, double? lat = null, double? lng = null)
    {
        var response = await Owner.PostAsJsonAsync("/api/bookings", new
        {
            customerId = CustomerId,
            serviceId = serviceId ?? OutdoorServiceId,
            startsAt,
            technicianId = TechnicianId,
            lat,
            lng,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<IdOnly>())!.Id;
    }

    /// <summary>Runs the weather check for this tenant as its job does, and says what it came to.</summary>
    public async Task<WeatherCheckReport> CheckAsync()
    {
        await using var scope = await App.Services.GetRequiredService<TenantJobScopes>().BeginAsync(TenantId, "test", CancellationToken.None);
        return await scope!.Value.ServiceProvider.GetRequiredService<WeatherWatch>().CheckAsync(CancellationToken.None);
    }

    public Task<List<WeatherRisk>> RisksAsync() => App.InTenantAsync(Slug, db => db.WeatherRisks.AsNoTracking().OrderBy(r => r.ForStartsAt).ToListAsync());

    public async Task<List<RiskJson>> ListAsync() => (await Owner.GetFromJsonAsync<List<RiskJson>>("/api/weather/risks"))!;

    public int ForecastRequests => OpenMeteo.RequestsTo("/v1/forecast").Count;

    private sealed record IdOnly(Guid Id);
}

public sealed record RiskJson(
    Guid BookingId, string Status, string Reason, RiskBookingJson Booking, List<AlternativeJson> Alternatives, DateTimeOffset CheckedAt,
    DateTimeOffset? NotifiedAt);

public sealed record RiskBookingJson(
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string LocalStart, string Status, Guid CustomerId, string CustomerName, Guid ServiceId,
    string ServiceName, Guid TechnicianId, string TechnicianName, string? Address);

public sealed record AlternativeJson(DateTimeOffset StartsAt, string LocalStart, Guid TechnicianId, string TechnicianName);
