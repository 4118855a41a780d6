using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;
using ServicePro.Host.Customers;
using ServicePro.Host.Technicians;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Calendar;

/// <summary>Technicians, customers and bookings written straight into a tenant's tables, for the calendar's tests.</summary>
public sealed class CalendarSeed(ServiceProApp app, string slug)
{
    public static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    /// <summary>A technician on shift 09:00–15:00 on weekdays, the seed's opening hours.</summary>
    public async Task<Technician> TechnicianAsync(string name, string color = "#2563eb", Guid? userId = null) =>
        await app.InTenantAsync(slug, async db =>
        {
            var technician = new Technician
            {
                Id = Guid.CreateVersion7(), Name = name, Color = color, UserId = userId,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Technicians.Add(technician);
            foreach (var weekday in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
            {
                db.TechnicianShifts.Add(new TechnicianShift
                {
                    Id = Guid.CreateVersion7(), TechnicianId = technician.Id, Weekday = weekday, Start = new TimeOnly(9, 0), End = new TimeOnly(15, 0),
                });
            }

            await db.SaveChangesAsync();
            return technician;
        });

    public async Task<Customer> CustomerAsync(string name, string? address = "12 Elm St, Tulsa, OK") =>
        await app.InTenantAsync(slug, async db =>
        {
            var customer = new Customer
            {
                Id = Guid.CreateVersion7(), Name = name, Phone = "+1918555" + Random.Shared.Next(1000, 9999), Address = address,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            return customer;
        });

    /// <summary>The tenant's first active service by sort order (seeded from its pack).</summary>
    public async Task<(Guid Id, string Name, int DurationMinutes)> ServiceAsync(string? name = null) =>
        await app.InTenantAsync(slug, async db =>
        {
            var service = await db.Services.Where(s => s.IsActive && (name == null || s.Name == name)).OrderBy(s => s.SortOrder).FirstAsync();
            return (service.Id, service.Name, service.DurationMinutes);
        });

    /// <summary>Approved time off between two moments on the Chicago wall clock.</summary>
    public async Task TimeOffAsync(Technician technician, DateTime localStart, DateTime localEnd, string reason) =>
        await app.InTenantAsync(slug, async db =>
        {
            db.TimeOff.Add(new TimeOffRequest
            {
                Id = Guid.CreateVersion7(), TechnicianId = technician.Id, Reason = reason, Status = TimeOffStatus.Approved,
                StartsAt = TimeZoneInfo.ConvertTimeToUtc(localStart, Chicago), EndsAt = TimeZoneInfo.ConvertTimeToUtc(localEnd, Chicago),
                RequestedBy = "test", CreatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

    /// <summary>A booking starting at <paramref name="localStart"/> on the wall clock of <paramref name="zone"/> (Chicago, the tenants' default, if not given).</summary>
    public async Task<Booking> BookingAsync(
        Technician technician, Customer customer, Guid serviceId, DateTime localStart, int minutes,
        BookingStatus status = BookingStatus.Confirmed, string notes = "", int version = 1, TimeZoneInfo? zone = null)
    {
        var start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified), zone ?? Chicago));
        return await app.InTenantAsync(slug, async db =>
        {
            var booking = new Booking
            {
                Id = Guid.CreateVersion7(), CustomerId = customer.Id, ServiceId = serviceId, TechnicianId = technician.Id,
                StartsAt = start, EndsAt = start.AddMinutes(minutes), Status = status, Notes = notes, Source = "staff",
                Version = version, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                CancelledAt = status == BookingStatus.Cancelled ? DateTimeOffset.UtcNow : null,
                CancellationReason = status == BookingStatus.Cancelled ? CancellationReasons.Weather : null,
            };
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            return booking;
        });
    }

    /// <summary>
    /// A zone and the local date on which its clocks change, between <paramref name="from"/> and <paramref name="to"/>
    /// (instants). Chicago when it changes in that span; otherwise Sydney, whose changes fall in the months where
    /// Chicago's do not, so that a test about a daylight-saving change finds one whatever today's date is.
    /// </summary>
    public static (TimeZoneInfo Zone, DateOnly Day) DaylightSavingChangeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        foreach (var zone in new[] { Chicago, TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney") })
        {
            var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(2);
            var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime).AddDays(-2);
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                if (zone.GetUtcOffset(day.ToDateTime(new TimeOnly(12, 0))) != zone.GetUtcOffset(day.AddDays(-1).ToDateTime(new TimeOnly(12, 0))))
                {
                    return (zone, day);
                }
            }
        }

        throw new InvalidOperationException("Neither Chicago nor Sydney changes its clocks in that span.");
    }
}
