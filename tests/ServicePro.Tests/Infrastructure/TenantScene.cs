using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;
using ServicePro.Host.Customers;
using ServicePro.Host.Technicians;

namespace ServicePro.Tests.Infrastructure;

/// <summary>
/// A tenant with technicians, customers and bookings: the one way tests build that scene. Each piece comes
/// in the way a test needs it — through the API (<c>...ThroughApiAsync</c>), where the test is about what a
/// user can do, or written straight into the tenant's tables (under its row-level security), where the
/// test needs a state the API would not give it (a booking in the past, a start to the minute, a version).
/// The scenes of the capabilities (<c>BookingWorld</c>, <c>SeriesScene</c>, <c>NoticeShop</c>,
/// <c>CalendarSeed</c>) add their own vocabulary on top of this one.
/// </summary>
public sealed class TenantScene(ServiceProApp app, TestTenant tenant)
{
    public static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly string[] WeekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday"];

    public ServiceProApp App => app;

    public TestTenant Tenant => tenant;

    public string Slug => tenant.Slug;

    public HttpClient Owner => tenant.Owner;

    /// <summary>A new tenant on <paramref name="pack"/>, made through the platform API, its owner signed in.</summary>
    public static async Task<TenantScene> CreateAsync(ServiceProApp app, string pack = "lawn_care") =>
        new(app, await app.CreateTenantAsync(pack));

    /// <summary>A phone number no other test's customer has (texts are told apart by it in the shared fakes).</summary>
    public static string NewPhone() => "+1918" + Random.Shared.Next(2_000_000, 9_999_999);

    /// <summary>A technician on shift <paramref name="shiftStart"/>–<paramref name="shiftEnd"/> Monday to Friday (none: no shifts).</summary>
    public Task<Technician> TechnicianAsync(
        string name, TimeOnly? shiftStart = null, TimeOnly? shiftEnd = null, string? color = null, Guid? userId = null) =>
        app.InTenantAsync(Slug, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var technician = new Technician { Id = Guid.CreateVersion7(), Name = name, UserId = userId, CreatedAt = now, UpdatedAt = now };
            if (color is not null)
            {
                technician.Color = color;
            }

            db.Technicians.Add(technician);
            if (shiftStart is { } start && shiftEnd is { } end)
            {
                foreach (var weekday in Weekdays)
                {
                    db.TechnicianShifts.Add(new TechnicianShift
                    {
                        Id = Guid.CreateVersion7(),
                        TechnicianId = technician.Id,
                        Weekday = weekday,
                        Start = start,
                        End = end,
                    });
                }
            }

            await db.SaveChangesAsync();
            return technician;
        });

    /// <summary>A technician added and given weekday shifts through the API, as an owner would.</summary>
    public async Task<Guid> TechnicianThroughApiAsync(string name, string shiftStart, string shiftEnd)
    {
        var id = await CreatedIdAsync(await Owner.PostAsJsonAsync("/api/technicians", new { name }));
        var shifts = await Owner.PutAsJsonAsync($"/api/technicians/{id}/shifts",
            WeekdayNames.Select(weekday => new { weekday, start = shiftStart, end = shiftEnd }));
        Assert.Equal(HttpStatusCode.OK, shifts.StatusCode);
        return id;
    }

    /// <summary>A customer; with <paramref name="smsConsent"/>, one who agreed to texts on the booking form.</summary>
    public Task<Customer> CustomerAsync(string name, string? phone = null, string? address = "12 Elm St, Tulsa, OK", bool smsConsent = false) =>
        app.InTenantAsync(Slug, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var customer = new Customer
            {
                Id = Guid.CreateVersion7(),
                Name = name,
                Phone = phone ?? NewPhone(),
                Address = address,
                SmsConsent = smsConsent,
                SmsConsentSource = smsConsent ? "booking_form" : null,
                SmsConsentAt = smsConsent ? now : null,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            return customer;
        });

    /// <summary>A customer added through the API, as staff would.</summary>
    public async Task<Guid> CustomerThroughApiAsync(string name, string phone, string? address = null) =>
        await CreatedIdAsync(await Owner.PostAsJsonAsync("/api/customers", new Dictionary<string, string?> { ["name"] = name, ["phone"] = phone, ["address"] = address }));

    /// <summary>The tenant's first service by sort order (seeded from its pack); active ones only unless told.</summary>
    public Task<(Guid Id, string Name, int DurationMinutes)> ServiceAsync(string? name = null, bool activeOnly = true) =>
        app.InTenantAsync(Slug, async db =>
        {
            var service = await db.Services
                .Where(s => (!activeOnly || s.IsActive) && (name == null || s.Name == name))
                .OrderBy(s => s.SortOrder).FirstAsync();
            return (service.Id, service.Name, service.DurationMinutes);
        });

    /// <summary>The first active service the API lists.</summary>
    public async Task<Guid> ServiceThroughApiAsync() =>
        (await Owner.GetFromJsonAsync<JsonElement[]>("/api/services"))!
            .First(s => s.GetProperty("isActive").GetBoolean()).GetProperty("id").GetGuid();

    /// <summary>
    /// A booking written as staff made it, at <paramref name="startsAt"/> for <paramref name="length"/>; a cancelled one
    /// was cancelled for the weather. <paramref name="createdAt"/> defaults to now.
    /// </summary>
    public Task<Booking> BookingAsync(
        Guid technicianId, Guid customerId, Guid serviceId, DateTimeOffset startsAt, TimeSpan length,
        BookingStatus status = BookingStatus.Confirmed, string notes = "", int version = 1, string? address = null,
        DateTimeOffset? createdAt = null) =>
        app.InTenantAsync(Slug, async db =>
        {
            var created = createdAt ?? DateTimeOffset.UtcNow;
            var booking = new Booking
            {
                Id = Guid.CreateVersion7(),
                CustomerId = customerId,
                ServiceId = serviceId,
                TechnicianId = technicianId,
                StartsAt = startsAt,
                EndsAt = startsAt + length,
                Status = status,
                Notes = notes,
                Address = address,
                Source = "staff",
                Version = version,
                CreatedAt = created,
                UpdatedAt = created,
                CancelledAt = status == BookingStatus.Cancelled ? DateTimeOffset.UtcNow : null,
                CancellationReason = status == BookingStatus.Cancelled ? CancellationReasons.Weather : null,
            };
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            return booking;
        });

    /// <summary>Approved time off for a technician between two instants.</summary>
    public Task TimeOffAsync(Guid technicianId, DateTimeOffset startsAt, DateTimeOffset endsAt, string reason) =>
        app.InTenantAsync(Slug, async db =>
        {
            db.TimeOff.Add(new TimeOffRequest
            {
                Id = Guid.CreateVersion7(),
                TechnicianId = technicianId,
                Reason = reason,
                Status = TimeOffStatus.Approved,
                StartsAt = startsAt,
                EndsAt = endsAt,
                RequestedBy = "test",
                CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage created)
    {
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
