using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;
using ServicePro.Host.Customers;
using ServicePro.Host.Technicians;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Calendar;

/// <summary>Technicians, customers and bookings written straight into a tenant's tables, on the calendar's terms (Chicago wall-clock times).</summary>
public sealed class CalendarSeed(ServiceProApp app, TestTenant tenant)
{
    public static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private readonly TenantScene _scene = new(app, tenant);

    /// <summary>A technician on shift 09:00–15:00 on weekdays, the seed's opening hours.</summary>
    public Task<Technician> TechnicianAsync(string name, string color = "#2563eb", Guid? userId = null) =>
        _scene.TechnicianAsync(name, new TimeOnly(9, 0), new TimeOnly(15, 0), color, userId);

    public Task<Customer> CustomerAsync(string name, string? address = "12 Elm St, Tulsa, OK") =>
        _scene.CustomerAsync(name, address: address);

    /// <summary>The tenant's first active service by sort order (seeded from its pack).</summary>
    public Task<(Guid Id, string Name, int DurationMinutes)> ServiceAsync(string? name = null) => _scene.ServiceAsync(name);

    /// <summary>Approved time off between two moments on the Chicago wall clock.</summary>
    public Task TimeOffAsync(Technician technician, DateTime localStart, DateTime localEnd, string reason) =>
        _scene.TimeOffAsync(
            technician.Id, TimeZoneInfo.ConvertTimeToUtc(localStart, Chicago), TimeZoneInfo.ConvertTimeToUtc(localEnd, Chicago), reason);

    /// <summary>A booking starting at <paramref name="localStart"/> on the wall clock of <paramref name="zone"/> (Chicago, the tenants' default, if not given).</summary>
    public Task<Booking> BookingAsync(
        Technician technician, Customer customer, Guid serviceId, DateTime localStart, int minutes,
        BookingStatus status = BookingStatus.Confirmed, string notes = "", int version = 1, TimeZoneInfo? zone = null)
    {
        var start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified), zone ?? Chicago));
        return _scene.BookingAsync(technician.Id, customer.Id, serviceId, start, TimeSpan.FromMinutes(minutes), status, notes, version);
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
