using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Admin;
using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;
using ServicePro.Host.Customers;
using ServicePro.Host.Persistence;
using ServicePro.Host.Scheduling;
using ServicePro.Host.Technicians;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Calendar.Pages;

/// <summary>
/// The schedule as a picture: one day with a column per technician, or one technician's week with a column per
/// day. Jobs are blocks placed by their time on the business's wall clock; closed hours, lunch, shifts and time
/// off are shaded behind them.
/// </summary>
public sealed class IndexModel(ServiceProDbContext db, TimeProvider clock) : CalendarPageModel
{
    public const string AllTechnicians = "all";

    /// <summary>"day" or "week".</summary>
    [BindProperty(SupportsGet = true, Name = "view")]
    public string? ViewParameter { get; set; }

    /// <summary>"yyyy-MM-dd" on the business's wall clock; today when missing or not a date.</summary>
    [BindProperty(SupportsGet = true, Name = "date")]
    public string? DateParameter { get; set; }

    /// <summary>A technician's id, or "all" (the day view only).</summary>
    [BindProperty(SupportsGet = true, Name = "technician")]
    public string? TechnicianParameter { get; set; }

    public CalendarView View { get; private set; }

    public DateOnly Date { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>The moment the page was drawn at.</summary>
    public DateTimeOffset Now { get; private set; }

    public IReadOnlyList<DateOnly> Days { get; private set; } = [];

    /// <summary>Every active technician, for the chooser.</summary>
    public IReadOnlyList<CalendarTechnician> Technicians { get; private set; } = [];

    /// <summary>The technician shown, or null for everyone (day view).</summary>
    public CalendarTechnician? Technician { get; private set; }

    public string TechnicianKey => Technician?.Id.ToString() ?? AllTechnicians;

    public TimeAxis Axis { get; private set; } = new(8 * 60, 18 * 60);

    public IReadOnlyList<CalendarColumn> Columns { get; private set; } = [];

    /// <summary>Cancelled jobs and no-shows in the days shown: they hold no time, so they are listed, not drawn.</summary>
    public IReadOnlyList<CalendarBooking> NotDrawn { get; private set; } = [];

    /// <summary>"Tuesday, November 24, 2026" or "Nov 23 – 29, 2026".</summary>
    public string PeriodLabel => View == CalendarView.Day ? CalendarFormat.LongDate(Date) : CalendarFormat.WeekRange(Days[0], Days[^1]);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var now = Now = clock.GetUtcNow();
        Today = TodayAt(now);
        View = string.Equals(ViewParameter, "week", StringComparison.OrdinalIgnoreCase) ? CalendarView.Week : CalendarView.Day;
        Date = CalendarFormat.ParseIsoDate(DateParameter) ?? Today;
        Technicians = await db.Technicians.AsNoTracking()
            .Where(t => t.IsActive)
            .OrderBy(t => t.Name)
            .Select(t => new CalendarTechnician(t.Id, t.Name, t.Color))
            .ToListAsync(ct);
        Technician = await ChooseTechnicianAsync(ct);
        if (View == CalendarView.Week && Technician is null && Technicians.Count > 0)
        {
            // A week is one person's: without a choice, the first technician's.
            Technician = Technicians[0];
        }

        Days = View == CalendarView.Day
            ? [Date]
            : Enumerable.Range(0, 7).Select(i => CalendarFormat.WeekStart(Date).AddDays(i)).ToList();
        var shown = Technician is { } one ? [one] : Technicians;
        if (shown.Count == 0)
        {
            return Page();
        }

        await DrawAsync(shown, now, ct);
        return Page();
    }

    /// <summary>The chosen technician; a technician who signs in sees their own calendar unless they ask for another.</summary>
    private async Task<CalendarTechnician?> ChooseTechnicianAsync(CancellationToken ct)
    {
        if (string.Equals(TechnicianParameter, AllTechnicians, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (Guid.TryParse(TechnicianParameter, out var id))
        {
            // Possibly an inactive technician, reached from an old booking.
            return Technicians.FirstOrDefault(t => t.Id == id)
                ?? await db.Technicians.AsNoTracking().Where(t => t.Id == id)
                    .Select(t => new CalendarTechnician(t.Id, t.Name, t.Color)).FirstOrDefaultAsync(ct);
        }

        return Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            ? await db.Technicians.AsNoTracking().Where(t => t.UserId == userId && t.IsActive)
                .Select(t => new CalendarTechnician(t.Id, t.Name, t.Color)).FirstOrDefaultAsync(ct)
            : null;
    }

    private async Task DrawAsync(IReadOnlyList<CalendarTechnician> shown, DateTimeOffset now, CancellationToken ct)
    {
        var ids = shown.Select(t => t.Id).ToList();
        // A little wider than the days shown: the zone's offset is at most a day, and the picture clips to each day.
        var windowStart = new DateTimeOffset(Days[0].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1);
        var windowEnd = new DateTimeOffset(Days[^1].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(2);
        var bookings = await (
                from b in db.Bookings.AsNoTracking()
                join s in db.Services on b.ServiceId equals s.Id
                join c in db.Customers on b.CustomerId equals c.Id
                where ids.Contains(b.TechnicianId) && b.StartsAt < windowEnd && b.EndsAt > windowStart
                orderby b.StartsAt
                select new CalendarBooking(b.Id, b.TechnicianId, b.StartsAt, b.EndsAt, b.Status, c.Name, s.Name))
            .ToListAsync(ct);
        var timeOff = await db.TimeOff.AsNoTracking()
            .Where(t => ids.Contains(t.TechnicianId) && t.Status == TimeOffStatus.Approved && t.StartsAt < windowEnd && t.EndsAt > windowStart)
            .Select(t => new CalendarTimeOff(t.TechnicianId, t.StartsAt, t.EndsAt, t.Reason))
            .ToListAsync(ct);
        var shifts = await db.TechnicianShifts.AsNoTracking()
            .Where(s => ids.Contains(s.TechnicianId))
            .Select(s => new CalendarShift(s.TechnicianId, s.Weekday, s.Start, s.End))
            .ToListAsync(ct);
        var rules = SchedulingRules.FromTenantSettings(await db.TenantSettings.AsNoTracking().FirstAsync(ct));

        (Axis, Columns) = CalendarPicture.Build(new CalendarPictureInput(View, Days, shown, bookings, timeOff, shifts, rules, Zone, now));
        NotDrawn = bookings
            .Where(b => !Bookings.Booking.HoldingTime.Contains(b.Status) && Days.Contains(DateOnly.FromDateTime(Local(b.StartsAt))))
            .ToList();
    }

    /// <summary>The same view moved by whole days or weeks.</summary>
    public string Step(int direction) =>
        CalendarUrl(View, Date.AddDays(direction * (View == CalendarView.Week ? 7 : 1)), TechnicianKey);

    public string TechnicianName(Guid id) => Technicians.FirstOrDefault(t => t.Id == id)?.Name ?? Technician?.Name ?? "";
}
