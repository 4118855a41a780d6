using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;
using ServicePro.Host.Customers;
using ServicePro.Host.Messaging;
using ServicePro.Host.Notices;
using ServicePro.Host.Technicians;
using ServicePro.Host.Tenancy;
using ServicePro.Tests.Fakes;
using ServicePro.Tests.Infrastructure;
using ServicePro.Tests.Onboarding;

namespace ServicePro.Tests.Bookings;

/// <summary>
/// The host with the provider fakes, where nothing sends on its own: recurring jobs are off in tests and a retry
/// waits an hour, so each test runs the sweep and the retries itself.
/// </summary>
public sealed class NoticesApp : FakedProvidersApp
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["ServicePro:Notices:RetryDelaySeconds"] = "3600";
}

public sealed record ShopCustomer(Guid Id, string Name, string Phone);

/// <summary>
/// A business set up for notices: an auto-detailing tenant with its basics, Twilio connected (unless asked not
/// to), and helpers that write customers and bookings straight into its tables.
/// </summary>
public sealed class NoticeShop
{
    private readonly NoticesApp _app;
    private readonly TenantScene _scene;

    private NoticeShop(NoticesApp app, TestTenant tenant, TenantInfo info, Guid serviceId, string serviceName)
    {
        _app = app;
        _scene = new TenantScene(app, tenant);
        Tenant = tenant;
        Info = info;
        ServiceId = serviceId;
        ServiceName = serviceName;
    }

    public TestTenant Tenant { get; }
    public TenantInfo Info { get; }
    public Guid ServiceId { get; }
    public string ServiceName { get; }
    public string Slug => Tenant.Slug;

    public static async Task<NoticeShop> OpenAsync(NoticesApp app, bool twilio = true)
    {
        var tenant = await app.CreateTenantAsync("auto_detail");
        (await tenant.Owner.PutAsJsonAsync("/api/onboarding/business-basics", OnboardingFlow.Basics())).EnsureSuccessStatusCode();
        if (twilio)
        {
            var connected = await OnboardingFlow.SaveIntegrationAsync(tenant.Owner, "twilio", OnboardingFlow.Twilio());
            Assert.True(connected.GetProperty("succeeded").GetBoolean(), connected.ToString());
        }

        var (serviceId, serviceName, _) = await new TenantScene(app, tenant).ServiceAsync(activeOnly: false);
        var info = (await app.Services.GetRequiredService<TenantDirectory>().FindBySlugAsync(tenant.Slug))!;
        return new NoticeShop(app, tenant, info, serviceId, serviceName);
    }

    public async Task<ShopCustomer> CustomerAsync(bool consent = true, string name = "Jordan Ellis")
    {
        var customer = await _scene.CustomerAsync(name, address: "12 Main St, Tulsa, OK", smsConsent: consent);
        return new ShopCustomer(customer.Id, customer.Name, customer.Phone);
    }

    /// <summary>A booking starting <paramref name="startsIn"/> from now (to the minute), with a technician of its own.</summary>
    /// <remarks>The booking is at version 0, as one that was never changed; <see cref="UpdateAsync"/> counts from there.</remarks>
    public async Task<Booking> BookAsync(
        ShopCustomer customer, TimeSpan startsIn, TimeSpan? bookedAhead = null, BookingStatus status = BookingStatus.Confirmed,
        string technician = "Sam Rivera")
    {
        var start = Minute(DateTimeOffset.UtcNow + startsIn);
        var tech = await _scene.TechnicianAsync(technician);
        return await _scene.BookingAsync(
            tech.Id, customer.Id, ServiceId, start, TimeSpan.FromHours(2), status, version: 0, address: "12 Main St, Tulsa, OK",
            createdAt: start - (bookedAhead ?? TimeSpan.FromDays(3)));
    }

    public Task MoveAsync(Guid bookingId, TimeSpan startsIn) => UpdateAsync(bookingId, b =>
    {
        b.StartsAt = Minute(DateTimeOffset.UtcNow + startsIn);
        b.EndsAt = b.StartsAt.AddHours(2);
    });

    public Task UpdateAsync(Guid bookingId, Action<Booking> change) => _app.InTenantAsync(Slug, async db =>
    {
        var booking = await db.Bookings.FirstAsync(b => b.Id == bookingId);
        change(booking);
        booking.Version++;
        return await db.SaveChangesAsync();
    });

    public Task SetTemplateAsync(string moment, string body) => _app.InTenantAsync(Slug, async db =>
    {
        var template = await db.MessageTemplates.FirstAsync(t => t.Channel == Host.Messaging.MessageChannel.Sms && t.Moment == moment);
        template.Body = body;
        return await db.SaveChangesAsync();
    });

    /// <summary>The sweep for this tenant only, as the every-minute job runs it.</summary>
    public async Task<int> SweepAsync()
    {
        await using var scope = _app.Services.GetRequiredService<TenantScopeFactory>().Begin(Info);
        return await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(CancellationToken.None);
    }

    /// <summary>A notice retry as Hangfire runs it.</summary>
    public async Task RetryAsync(Guid bookingId, string kind, DateTimeOffset forStartsAt)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NoticeJobs>().RetryAsync(Info.Id, bookingId, kind, forStartsAt, CancellationToken.None);
    }

    public Task<List<BookingNotice>> NoticesAsync(Guid bookingId) =>
        _app.InTenantAsync(Slug, db => db.BookingNotices.AsNoTracking().Where(n => n.BookingId == bookingId).OrderBy(n => n.CreatedAt).ToListAsync());

    public List<FakeTwilioMessage> TextsTo(ShopCustomer customer) => _app.Fakes.Twilio.SentMessages.Where(m => m.To == customer.Phone).ToList();

    private static DateTimeOffset Minute(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
}
