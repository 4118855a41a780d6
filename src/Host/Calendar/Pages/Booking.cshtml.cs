using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Admin;
using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;
using ServicePro.Host.Customers;
using ServicePro.Host.Persistence;
using ServicePro.Host.Scheduling;
using ServicePro.Host.Technicians;

namespace ServicePro.Host.Calendar.Pages;

/// <summary>Everything about one booking as the page shows it.</summary>
public sealed record BookingDetails(
    Booking Booking, string CustomerName, string CustomerPhone, string? CustomerAddress, string ServiceName,
    CalendarTechnician Technician);

/// <summary>
/// One booking: its details, and what staff can do with it. Rescheduling is "pick a day, then one of its open
/// times" rather than dragging, so it works with a keyboard, a screen reader and a phone alike.
/// </summary>
public sealed class BookingModel(ServiceProDbContext db, BookingService bookings, AvailabilityService availability, TimeProvider clock)
    : CalendarPageModel
{
    /// <summary>The day to look for open times on ("yyyy-MM-dd").</summary>
    [BindProperty(SupportsGet = true, Name = "date")]
    public string? DateParameter { get; set; }

    /// <summary>Whose open times: the booking's technician unless another is chosen.</summary>
    [BindProperty(SupportsGet = true, Name = "technician")]
    public Guid? TechnicianParameter { get; set; }

    /// <summary>The chosen start ("O" format), from <see cref="SlotChoices"/>.</summary>
    [BindProperty]
    public string? Slot { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Feedback { get; set; }

    public BookingDetails Details { get; private set; } = null!;

    public Booking Booking => Details.Booking;

    public DateTimeOffset Now { get; private set; }

    /// <summary>The day whose open times are offered.</summary>
    public DateOnly RescheduleDate { get; private set; }

    /// <summary>The technician whose open times are offered.</summary>
    public Guid RescheduleTechnician { get; private set; }

    public IReadOnlyList<CalendarTechnician> Technicians { get; private set; } = [];

    /// <summary>Open times to move to (the chosen day's, or a conflict's nearest alternatives); null when the booking cannot move.</summary>
    public SlotChoices? MoveChoices { get; private set; }

    /// <summary>Why no open times could be offered for the chosen day, if so.</summary>
    public string? NoTimesReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        await OfferTimesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRescheduleAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (ParseSlot(Slot) is not { } startsAt)
        {
            Errors["reschedule-times"] = "Choose one of the open times.";
            await OfferTimesAsync(ct);
            return Page();
        }

        var outcome = await bookings.RescheduleAsync(id, startsAt, RescheduleTechnician, Actor, ct);
        switch (outcome)
        {
            case BookingDone done:
                Notice = $"Moved to {CalendarFormat.LongDate(DateOnly.FromDateTime(Local(done.Booking.StartsAt)))} at {CalendarPicture.Clock(Local(done.Booking.StartsAt))}.";
                return Redirect(BookingUrl(id));
            case BookingConflict conflict:
                Problem = conflict.Detail;
                MoveChoices = conflict.Alternatives.Count == 0 ? null
                    : Choices("reschedule-times", "Nearest open times", conflict.Alternatives, Names, showDate: true, showWho: false);
                return Page();
            case BookingRefused refused:
                Refused(refused);
                await OfferTimesAsync(ct);
                return Page();
            default:
                throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}.");
        }
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return await AnswerAsync(id, await bookings.CancelAsync(id, Reason, Feedback, Actor, ct), "Cancelled the booking.", ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? await AnswerAsync(id, await bookings.ConfirmAsync(id, Actor, ct), "Confirmed the booking.", ct) : NotFound();

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? await AnswerAsync(id, await bookings.CompleteAsync(id, Actor, ct), "Marked the job as completed.", ct) : NotFound();

    public async Task<IActionResult> OnPostNoShowAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? await AnswerAsync(id, await bookings.MarkNoShowAsync(id, Actor, ct), "Marked the customer as a no-show.", ct) : NotFound();

    /// <summary>The day this booking is on, in the calendar's day view for its technician.</summary>
    public string DayUrl => CalendarUrl(CalendarView.Day, DateOnly.FromDateTime(Local(Booking.StartsAt)), Details.Technician.Id.ToString());

    public int DurationMinutes => (int)(Booking.EndsAt - Booking.StartsAt).TotalMinutes;

    /// <summary>Pending and confirmed bookings can still be moved, cancelled, completed or missed.</summary>
    public bool IsOpen => Booking.Status is BookingStatus.Pending or BookingStatus.Confirmed;

    /// <summary>Completing and marking a no-show make sense once the job's time has come.</summary>
    public bool HasStarted => Booking.StartsAt <= Now;

    private IReadOnlyDictionary<Guid, string> Names => Technicians.ToDictionary(t => t.Id, t => t.Name);

    private async Task<IActionResult> AnswerAsync(Guid id, BookingOutcome outcome, string notice, CancellationToken ct)
    {
        if (outcome is BookingDone)
        {
            Notice = notice;
            return Redirect(BookingUrl(id));
        }

        if (outcome is BookingRefused refused)
        {
            Refused(refused, field => field switch
            {
                "reason" => nameof(Reason),
                "feedback" => nameof(Feedback),
                _ => field,
            });
        }

        await OfferTimesAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Now = clock.GetUtcNow();
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
        Technicians = await db.Technicians.AsNoTracking().Where(t => t.IsActive || t.Id == details.Technician.Id).OrderBy(t => t.Name)
            .Select(t => new CalendarTechnician(t.Id, t.Name, t.Color)).ToListAsync(ct);
        var today = TodayAt(Now);
        var bookedDay = DateOnly.FromDateTime(Local(Booking.StartsAt));
        RescheduleDate = CalendarFormat.ParseIsoDate(DateParameter) ?? (bookedDay < today ? today : bookedDay);
        RescheduleTechnician = TechnicianParameter is { } chosen && Technicians.Any(t => t.Id == chosen) ? chosen : details.Technician.Id;
        return true;
    }

    /// <summary>The chosen technician's open times on the chosen day, for the same length of job.</summary>
    private async Task OfferTimesAsync(CancellationToken ct)
    {
        if (!IsOpen)
        {
            return;
        }

        var answer = await availability.FindAsync(new AvailabilityRequest(Booking.ServiceId, RescheduleDate, RescheduleDate)
        {
            TechnicianId = RescheduleTechnician,
            DurationMinutes = DurationMinutes,
            IgnoreBookingId = Booking.Id,
        }, ct);
        switch (answer)
        {
            case OpenTimes { Slots.Count: > 0 } open:
                var who = Names.GetValueOrDefault(RescheduleTechnician);
                MoveChoices = Choices("reschedule-times", $"Open times on {CalendarFormat.ShortDate(RescheduleDate)} with {who}", open.Slots, Names,
                    showDate: false, showWho: false);
                break;
            case OpenTimes:
                NoTimesReason = $"No open times on {CalendarFormat.LongDate(RescheduleDate)}. Try another day.";
                break;
            case AvailabilityRefused refused:
                NoTimesReason = refused.Detail;
                break;
            case OutsideServiceArea outside:
                NoTimesReason = outside.Message;
                break;
        }
    }
}
