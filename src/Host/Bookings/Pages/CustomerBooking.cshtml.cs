using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Admin;
using ServicePro.Host.Bookings;
using ServicePro.Host.Calendar;
using ServicePro.Host.Catalog;
using ServicePro.Host.Hosting;
using ServicePro.Host.Persistence;
using ServicePro.Host.Technicians;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Bookings.Pages;

/// <summary>A booking as its customer sees it: what, when, with whom, where.</summary>
public sealed record CustomerBooking(string Service, DateTime LocalStart, DateTime LocalEnd, string Technician, string? Address, BookingStatus Status);

/// <summary>
/// The page behind the link in a customer's texts (<see cref="BookingLinks"/>): anyone holding the link sees the
/// booking, so it is found by its 128-bit customer code under the business's address, never by id, and shows only
/// what the customer already knows (the technician by first name). Changing the time is by calling or texting the
/// business for now.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.Public)]
public sealed class CustomerBookingModel(ServiceProDbContext db, ITenantContext tenant) : PageModel
{
    public CustomerBooking? Booking { get; private set; }

    public TenantInfo Business => tenant.Tenant!;

    /// <summary>The business's phone, for calling or texting about a change; null when it has none on file.</summary>
    public string? Phone { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (tenant.Tenant is null || code.Length > 32)
        {
            return NotFound();
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(tenant.Tenant.Timezone);
        var row = await (from b in db.Bookings.AsNoTracking()
                         join s in db.Services.AsNoTracking() on b.ServiceId equals s.Id
                         join t in db.Technicians.AsNoTracking() on b.TechnicianId equals t.Id
                         where b.CustomerCode == code
                         select new { s.Name, b.StartsAt, b.EndsAt, Technician = t.Name, b.Address, b.Status }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return NotFound();
        }

        Phone = await db.Tenants.AsNoTracking().Where(t => t.Id == tenant.Tenant.Id).Select(t => t.Phone).FirstOrDefaultAsync(ct);
        Booking = new CustomerBooking(row.Name, TimeZoneInfo.ConvertTime(row.StartsAt, zone).DateTime, TimeZoneInfo.ConvertTime(row.EndsAt, zone).DateTime,
            CalendarFeed.FirstName(row.Technician), row.Address, row.Status);
        return Page();
    }

    public string StatusLine => Booking!.Status switch
    {
        BookingStatus.Confirmed => "You're booked.",
        BookingStatus.Pending => $"Requested: {Business.BrandName} will confirm it.",
        BookingStatus.Cancelled => "This appointment was cancelled.",
        BookingStatus.Completed => "Done. Thank you!",
        _ => "This appointment was missed.",
    };
}
