using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Host.Bookings;
using ServicePro.Host.Series;
using ServicePro.Host.Tenancy;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Bookings;

/// <summary>
/// A tenant ready for recurring work: the seed's hours (09:00–15:00 on weekdays, lunch at noon, 24 hours' notice,
/// 30 minutes between jobs) in America/Chicago, one technician, Ana, on shift 08:00–17:00 on weekdays, one customer
/// and the pack's first service. Series dates are chosen a week or more ahead so notice never gets in the way.
/// </summary>
public sealed record SeriesScene(ServiceProApp App, TestTenant Tenant, Guid ServiceId, Guid AnaId, Guid CustomerId)
{
    public const string Zone = "America/Chicago";

    public HttpClient Owner => Tenant.Owner;

    public static async Task<SeriesScene> CreateAsync(ServiceProApp app)
    {
        var scene = await TenantScene.CreateAsync(app);
        var serviceId = await scene.ServiceThroughApiAsync();
        var anaId = await scene.TechnicianThroughApiAsync("Ana", "08:00", "17:00");
        var customerId = await scene.CustomerThroughApiAsync("Casey Rivera", "+19185550142");
        return new SeriesScene(app, scene.Tenant, serviceId, anaId, customerId);
    }

    public static DateOnly Today => SeriesScheduler.TodayIn(Zone, TimeProvider.System);

    /// <summary>The first <paramref name="day"/> at least a week from today.</summary>
    public static DateOnly NextWeekday(DayOfWeek day, int afterDays = 7)
    {
        var date = Today.AddDays(afterDays);
        while (date.DayOfWeek != day)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    public static DateTimeOffset At(DateOnly date, int hour, int minute = 0) =>
        SeriesScheduler.StartInstant(TimeZoneInfo.FindSystemTimeZoneById(Zone), date, new TimeOnly(hour, minute));

    /// <summary>A series request for Casey with Ana at 09:00 for an hour; tests change what they are about.</summary>
    public object Request(object pattern, DateOnly? startsOn, DateOnly? endsOn, string localStartTime = "09:00") => new
    {
        customerId = CustomerId,
        serviceId = ServiceId,
        technicianId = AnaId,
        pattern,
        localStartTime,
        durationMinutes = 60,
        startsOn,
        endsOn,
        notes = "Side gate code 4412",
    };

    public async Task<SeriesDto> CreateSeriesAsync(object pattern, DateOnly? startsOn, DateOnly? endsOn, string localStartTime = "09:00")
    {
        var response = await Owner.PostAsJsonAsync("/api/series", Request(pattern, startsOn, endsOn, localStartTime));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SeriesDto>())!;
    }

    /// <summary>A series stored directly, so no creation job runs beside the test (for tests that need a date untouched).</summary>
    public Task<Guid> InsertSeriesAsync(RecurrencePattern pattern, DateOnly startsOn, DateOnly? endsOn, SeriesStatus status = SeriesStatus.Active) =>
        App.InTenantAsync(Tenant.Slug, async db =>
        {
            var series = new BookingSeries
            {
                Id = Guid.CreateVersion7(),
                CustomerId = CustomerId,
                ServiceId = ServiceId,
                TechnicianId = AnaId,
                Pattern = pattern,
                LocalStartTime = new TimeOnly(9, 0),
                DurationMinutes = 60,
                StartsOn = startsOn,
                EndsOn = endsOn,
                Status = status,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.BookingSeries.Add(series);
            await db.SaveChangesAsync();
            return series.Id;
        });

    /// <summary>What the hourly sweep does for this tenant.</summary>
    public async Task<int> GenerateAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().FindBySlugAsync(Tenant.Slug);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant!);
        return await scope.ServiceProvider.GetRequiredService<SeriesScheduler>().GenerateAllAsync(CancellationToken.None);
    }

    public async Task<SeriesDto> GetAsync(Guid seriesId) => (await Owner.GetFromJsonAsync<SeriesDto>($"/api/series/{seriesId}"))!;

    public Task<List<Booking>> SeriesBookingsAsync(Guid seriesId) =>
        App.InTenantAsync(Tenant.Slug, db => db.Bookings.AsNoTracking().Where(b => b.SeriesId == seriesId).OrderBy(b => b.OccurrenceDate).ToListAsync());

    public async Task SetFlagAsync(bool enabled)
    {
        var response = await App.Operator().PutAsJsonAsync($"/api/platform/tenants/{Tenant.Slug}/flags/recurring_services_enabled", new { enabled });
        response.EnsureSuccessStatusCode();
    }
}
