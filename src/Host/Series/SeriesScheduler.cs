using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Bookings;
using ServicePro.Host.Persistence;
using ServicePro.Host.Scheduling;
using ServicePro.Host.Technicians;
using ServicePro.Host.Tenancy;


namespace ServicePro.Host.Series;

/// <summary>
/// Turns a tenant's recurring series into bookings a fixed horizon ahead. Each date of a series ends up with
/// exactly one <see cref="SeriesOccurrence"/>: Booked (through <see cref="BookingService"/>, like any other booking)
/// or Conflict with a sentence saying why — never silently dropped.
/// </summary>
/// <remarks>
/// Safe to repeat and to run twice at once: a date that already has an occurrence is left alone, and the
/// occurrence's primary key plus the unique (series, occurrence date) index on bookings make a second writer of
/// the same date fail; that failure means "someone else did it" and is not an error. The booking and its
/// occurrence are stored in one transaction, so one never exists without the other.
/// </remarks>
public sealed class SeriesScheduler(ServiceProDbContext db, BookingService bookings, ITenantContext tenant, TimeProvider clock)
{
    /// <summary>How far ahead occurrences are booked: long enough for customers and staff to plan around them,
    /// short enough that a change of hours or staff still reaches most of them before they are made.</summary>
    public const int HorizonDays = 8 * 7;

    /// <summary>Who generated bookings are audited as.</summary>
    public const string Actor = "system";

    /// <summary>Why a date after the series' last day is skipped.</summary>
    public const string SeriesEnded = "The series ended before this date.";

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>The booking for one date of a series, at <paramref name="startsAt"/> (the series' time, or where staff moved it).</summary>
    public static BookingDraft DraftFor(BookingSeries series, DateOnly date, DateTimeOffset startsAt, Guid? technicianId = null) =>
        new(series.CustomerId, series.ServiceId, startsAt, "series")
        {
            TechnicianId = technicianId ?? series.TechnicianId,
            AssetId = series.AssetId,
            Answers = series.Answers.Count > 0 ? series.Answers : null,
            DurationMinutes = series.DurationMinutes,
            Address = series.Address,
            Lat = series.Lat,
            Lng = series.Lng,
            Notes = series.Notes.Length > 0 ? series.Notes : null,
            SeriesId = series.Id,
            OccurrenceDate = date,
        };

    /// <summary>Generates every active series of the tenant; marks series whose last day has passed as ended.</summary>
    /// <returns>How many occurrences this run recorded.</returns>
    public async Task<int> GenerateAllAsync(CancellationToken ct)
    {
        var today = Today;
        var horizon = today.AddDays(HorizonDays);
        await db.BookingSeries
            .Where(s => s.Status == SeriesStatus.Active && s.EndsOn != null && s.EndsOn < today)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SeriesStatus.Ended).SetProperty(x => x.UpdatedAt, clock.GetUtcNow()), ct);

        await CancelPastTheEndAsync(today, ct);
        var due = await db.BookingSeries.AsNoTracking()
            .Where(s => s.Status == SeriesStatus.Active && (s.GeneratedThrough == null || s.GeneratedThrough < horizon))
            .Where(s => s.EndsOn == null || s.GeneratedThrough == null || s.GeneratedThrough < s.EndsOn)
            .OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        var recorded = 0;
        foreach (var seriesId in due)
        {
            recorded += await GenerateAsync(seriesId, ct);
        }

        return recorded;
    }

    /// <summary>Books the series' dates from today (or where the last run stopped) to the horizon.</summary>
    /// <returns>How many occurrences this run recorded (0 when another run got there first).</returns>
    public async Task<int> GenerateAsync(Guid seriesId, CancellationToken ct)
    {
        var series = await db.BookingSeries.AsNoTracking().FirstOrDefaultAsync(s => s.Id == seriesId, ct);
        if (series is not { Status: SeriesStatus.Active })
        {
            return 0;
        }

        // Dates before today are never booked: after a pause or an outage the series picks up from today.
        var today = Today;
        var through = today.AddDays(HorizonDays);
        var from = Latest(series.StartsOn, series.GeneratedThrough?.AddDays(1) ?? series.StartsOn, today);
        var dates = Recurrence.DatesBetween(series.Pattern, series.StartsOn, series.EndsOn, from, through).ToList();
        var recorded = 0;
        if (dates.Count > 0)
        {
            var (first, last) = (dates[0], dates[^1]);
            var settled = (await db.SeriesOccurrences.AsNoTracking()
                .Where(o => o.SeriesId == series.Id && o.Date >= first && o.Date <= last)
                .Select(o => o.Date).ToListAsync(ct)).ToHashSet();
            var technicianName = await db.Technicians.Where(t => t.Id == series.TechnicianId).Select(t => t.Name).FirstOrDefaultAsync(ct)
                ?? "The technician";
            foreach (var date in dates.Where(d => !settled.Contains(d)))
            {
                recorded += await OccurAsync(series, technicianName, date, ct) ? 1 : 0;
            }
        }

        // Only ever forward, so a slower run that started earlier cannot move the mark back.
        var mark = series.EndsOn is { } endsOn && endsOn < through ? endsOn : through;
        await db.BookingSeries
            .Where(s => s.Id == series.Id && (s.GeneratedThrough == null || s.GeneratedThrough < mark))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.GeneratedThrough, mark), ct);
        return recorded;
    }

    /// <summary>
    /// Cancels bookings of dates after a series' last day. Ending a series cancels them itself, but a generation run
    /// that read the series just before it ended can still book one more; the next sweep takes it back.
    /// </summary>
    private async Task CancelPastTheEndAsync(DateOnly today, CancellationToken ct)
    {
        var strays = await (
            from o in db.SeriesOccurrences.AsNoTracking()
            join s in db.BookingSeries on o.SeriesId equals s.Id
            join b in db.Bookings on o.BookingId equals b.Id
            where s.EndsOn != null && o.Date > s.EndsOn && o.Date >= today
                  && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
            select o).ToListAsync(ct);
        foreach (var stray in strays)
        {
            if (await bookings.CancelAsync(stray.BookingId!.Value, CancellationReasons.BusinessCancelled, null, Actor, ct) is BookingDone)
            {
                await db.SeriesOccurrences.Where(o => o.SeriesId == stray.SeriesId && o.Date == stray.Date)
                    .ExecuteUpdateAsync(o => o.SetProperty(x => x.State, OccurrenceState.Skipped)
                        .SetProperty(x => x.Detail, SeriesEnded).SetProperty(x => x.UpdatedAt, clock.GetUtcNow()), ct);
            }

            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The instant a series date starts: the local date and time in the tenant's zone. A time the clocks skip
    /// (02:30 on a spring-forward day) becomes the moment of the jump (03:00), the first valid instant after it,
    /// as the availability engine reads boundaries; a time that happens twice (fall-back) is the first of the two.
    /// </summary>
    public static DateTimeOffset StartInstant(TimeZoneInfo zone, DateOnly date, TimeOnly localTime)
    {
        var midnight = Minutes.LocalMidnight(date);
        var clock = ZoneClock.Build(zone, midnight - Minutes.PerDay, midnight + 2 * Minutes.PerDay);
        return Minutes.ToInstant(clock.FirstInstantAtOrAfter(midnight + Minutes.OfDay(localTime)));
    }

    /// <summary>Records one date: Booked with its booking, or Conflict with the reason. False when another run recorded it first.</summary>
    private async Task<bool> OccurAsync(BookingSeries series, string technicianName, DateOnly date, CancellationToken ct)
    {
        var startsAt = StartInstant(Zone, date, series.LocalStartTime);
        var draft = DraftFor(series, date, startsAt);

        try
        {
            var outcome = startsAt <= clock.GetUtcNow()
                ? new BookingRefused(409, "Too late", string.Create(Culture, $"{Local(startsAt):h:mm tt} on {date:dddd, MMMM d} had already passed when this date was scheduled."))
                : await bookings.CreateAsync(draft, Actor, ct, booking => db.SeriesOccurrences.Add(Occurrence(series, date, OccurrenceState.Booked, booking.Id, null)));
            db.ChangeTracker.Clear();
            if (outcome is BookingDone)
            {
                return true;
            }

            var detail = outcome switch
            {
                BookingConflict conflict => await ExplainConflictAsync(series, technicianName, startsAt, conflict, ct),
                BookingRefused refused => refused.Detail,
                _ => throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}."),
            };
            db.SeriesOccurrences.Add(Occurrence(series, date, OccurrenceState.Conflict, null, Truncate(detail)));
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is { } inner && UniqueViolationHandler.IsUniqueViolation(inner))
        {
            // Another run (or a skip or move through the API) recorded this date first; check that is really what happened.
            db.ChangeTracker.Clear();
            if (!await db.SeriesOccurrences.AnyAsync(o => o.SeriesId == series.Id && o.Date == date, ct))
            {
                throw;
            }

            return false;
        }
    }

    /// <summary>A sentence a dispatcher can act on: who or what is in the way, and the nearest open time.</summary>
    private async Task<string> ExplainConflictAsync(BookingSeries series, string technicianName, DateTimeOffset startsAt, BookingConflict conflict, CancellationToken ct)
    {
        var endsAt = startsAt.AddMinutes(series.DurationMinutes);
        var buffer = (await db.TenantSettings.AsNoTracking().FirstOrDefaultAsync(ct))?.SchedulerConfig.BufferMinutes ?? 0;
        var holding = Booking.HoldingTime;
        var busy = await db.Bookings.AsNoTracking()
            .Where(b => b.TechnicianId == series.TechnicianId && holding.Contains(b.Status))
            .Where(b => b.StartsAt < endsAt.AddMinutes(buffer) && b.EndsAt > startsAt.AddMinutes(-buffer))
            .OrderBy(b => b.StartsAt).Select(b => new { b.StartsAt, b.EndsAt }).FirstOrDefaultAsync(ct);
        var away = busy is null
            ? await db.TimeOff.AsNoTracking()
                .Where(r => r.TechnicianId == series.TechnicianId && r.Status == TimeOffStatus.Approved && r.StartsAt < endsAt && r.EndsAt > startsAt)
                .Select(r => new { r.StartsAt, r.EndsAt }).FirstOrDefaultAsync(ct)
            : null;

        var reason =
            busy is not null ? string.Create(Culture, $"{technicianName} is booked {Local(busy.StartsAt):h:mm tt}–{Local(busy.EndsAt):h:mm tt}") +
                               (busy.EndsAt <= startsAt || busy.StartsAt >= endsAt ? $" (jobs need {buffer} minutes between them)." : ".")
            : away is not null ? string.Create(Culture, $"{technicianName} is off {Local(away.StartsAt):MMM d h:mm tt}–{Local(away.EndsAt):MMM d h:mm tt}.")
            : string.Create(Culture, $"{technicianName} cannot take this job at {Local(startsAt):h:mm tt} on {Local(startsAt):dddd, MMMM d}") +
              " (outside business hours or their shift, over lunch, or too soon).";
        return conflict.Alternatives.Count == 0
            ? reason + " No open time in the following two weeks."
            : reason + string.Create(Culture, $" Nearest open time: {conflict.Alternatives[0].LocalStart:ddd, MMM d h:mm tt}.");
    }

    private SeriesOccurrence Occurrence(BookingSeries series, DateOnly date, OccurrenceState state, Guid? bookingId, string? detail) => new()
    {
        SeriesId = series.Id,
        Date = date,
        State = state,
        BookingId = bookingId,
        Detail = detail,
        UpdatedAt = clock.GetUtcNow(),
    };

    private TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(tenant.Tenant!.Timezone);

    /// <summary>Today on the tenant's wall calendar.</summary>
    public DateOnly Today => TodayIn(tenant.Tenant!.Timezone, clock);

    /// <summary>Today on the wall calendar of <paramref name="timeZoneId"/>.</summary>
    public static DateOnly TodayIn(string timeZoneId, TimeProvider clock) =>
        LocalDates.Of(clock.GetUtcNow(), timeZoneId);

    private DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    private static DateOnly Latest(DateOnly a, DateOnly b, DateOnly c) => new[] { a, b, c }.Max();

    private static string Truncate(string detail) => detail.Length <= 500 ? detail : detail[..499] + "…";
}
