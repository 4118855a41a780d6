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

    private NoticeShop(NoticesApp app, TestTenant tenant, TenantInfo info, Guid serviceId, string serviceName)
    {
        _app = app;
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

        var (serviceId, serviceName) = await app.InTenantAsync(tenant.Slug, async db =>
        {
            var service = await db.Services.OrderBy(s => s.SortOrder).FirstAsync();
            return (service.Id, service.Name);
        });
        var info = (await app.Services.GetRequiredService<TenantDirectory>().FindBySlugAsync(tenant.Slug))!;
        return new NoticeShop(app, tenant, info, serviceId, serviceName);
    }

    public Task<ShopCustomer> CustomerAsync(bool consent = true, string name = "Jordan Ellis") =>
        _app.InTenantAsync(Slug, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var customer = new Customer
            {
                Id = Guid.CreateVersion7(),
                Name = name,
                Phone = "+1918" + Random.Shared.Next(2_000_000, 9_999_999),
                Address = "12 Main St, Tulsa, OK",
                SmsConsent = consent,
                SmsConsentSource = consent ? "booking_form" : null,
                SmsConsentAt = consent ? now : null,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            return new ShopCustomer(customer.Id, customer.Name, customer.Phone);
        });

    /// <summary>A booking starting <paramref name="startsIn"/> from now (to the minute), with a technician of its own.</summary>
    public Task<Booking> BookAsync(
        ShopCustomer customer, TimeSpan startsIn, TimeSpan? bookedAhead = null, BookingStatus status = BookingStatus.Confirmed,
        string technician = "Sam Rivera") =>
        _app.InTenantAsync(Slug, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var start = Minute(now + startsIn);
            var tech = new Technician { Id = Guid.CreateVersion7(), Name = technician, CreatedAt = now, UpdatedAt = now };
            var created = start - (bookedAhead ?? TimeSpan.FromDays(3));
            var booking = new Booking
            {
                Id = Guid.CreateVersion7(),
                CustomerId = customer.Id,
                ServiceId = ServiceId,
                TechnicianId = tech.Id,
                StartsAt = start,
                EndsAt = start.AddHours(2),
                Status = status,
                Address = "12 Main St, Tulsa, OK",
                Source = "staff",
                CreatedAt = created,
                UpdatedAt = created,
            };
            db.Technicians.Add(tech);
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            return booking;
        });

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
