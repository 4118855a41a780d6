using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Bookings;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Admin.Pages.Calendar;

/// <summary>Everything about one booking as the page shows it.</summary>
public sealed record BookingDetails(
    Booking Booking, string CustomerName, string CustomerPhone, string? CustomerAddress, string ServiceName,
    CalendarTechnician Technician);

/// <summary>One booking: its details, and what staff can do with it (reschedule, confirm, complete, no-show, cancel).</summary>
public sealed class BookingModel(ServiceProDbContext db, TimeProvider clock) : CalendarPageModel
{
    public BookingDetails Details { get; private set; } = null!;

    public Booking Booking => Details.Booking;

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Today = TodayAt(clock.GetUtcNow());
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var details = await (
                from b in db.Bookings.AsNoTracking()
                join s in db.Services on b.ServiceId equals s.Id
                join c in db.Customers on b.CustomerId equals c.Id
                join t in db.Technicians on b.TechnicianId equals t.Id
                where b.Id == id
                select new BookingDetails(b, c.Name, c.Phone, c.Address, s.Name, new CalendarTechnician(t.Id, t.Name, t.Color)))
            .FirstOrDefaultAsync(ct);
        if (details is null)
        {
            return false;
        }

        Details = details;
        return true;
    }

    /// <summary>The day this booking is on, in the calendar's day view for its technician.</summary>
    public string DayUrl => CalendarUrl(CalendarView.Day, DateOnly.FromDateTime(Local(Booking.StartsAt)), Details.Technician.Id.ToString());

    public int DurationMinutes => (int)(Booking.EndsAt - Booking.StartsAt).TotalMinutes;

    public bool HoldsTime => Bookings.Booking.HoldingTime.Contains(Booking.Status);
}
