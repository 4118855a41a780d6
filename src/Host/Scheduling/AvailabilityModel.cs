namespace ServicePro.Host.Scheduling;

/// <summary>
/// A stretch of local clock time within one day, <c>[Start, End)</c>, read on the tenant's wall clock.
/// Times are taken to the whole minute (seconds are ignored). A range whose <see cref="End"/> is not after its
/// <see cref="Start"/> is empty: ranges never cross midnight.
/// </summary>
public readonly record struct LocalTimeRange(TimeOnly Start, TimeOnly End);

/// <summary>A stretch of real time <c>[Start, End)</c> (time off, an appointment). Empty or inverted ranges are ignored.</summary>
public readonly record struct InstantRange(DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// One technician as the availability engine sees them.
/// </summary>
/// <param name="Id">The technician.</param>
/// <param name="WeeklyShifts">
/// Working hours per weekday on the tenant's local clock, possibly several per day. The technician is on shift
/// at an instant of local day D when that instant lies in one of D's shifts; overlapping or touching shifts
/// therefore join up (08:00–12:00 and 12:00–16:00 take a job from 11:00 to 13:00). A weekday missing from the
/// dictionary is a day off.
/// </param>
/// <param name="TimeOff">Paid time off and other absences, as real-time ranges. No buffer applies around them.</param>
/// <param name="Appointments">Jobs already booked, as real-time ranges <c>[start, end)</c>.</param>
public sealed record TechnicianSchedule(
    Guid Id,
    IReadOnlyDictionary<DayOfWeek, IReadOnlyList<LocalTimeRange>> WeeklyShifts,
    IReadOnlyList<InstantRange> TimeOff,
    IReadOnlyList<InstantRange> Appointments);

/// <summary>What to look for: a job of <see cref="DurationMinutes"/> on the local days <see cref="FirstDate"/> to
/// <see cref="LastDate"/> (both included) in the zone <see cref="TimeZoneId"/>, under <see cref="Rules"/>.</summary>
/// <param name="TimeZoneId">The tenant's IANA (or Windows) time zone id, e.g. <c>America/Chicago</c>.</param>
/// <param name="FirstDate">The first local day searched.</param>
/// <param name="LastDate">The last local day searched (inclusive). At most <see cref="AvailabilityEngine.MaxDays"/> days in all.</param>
/// <param name="Now">The present moment; the minimum notice counts from it.</param>
/// <param name="DurationMinutes">How long the job takes, in real elapsed minutes (positive).</param>
/// <param name="Rules">The tenant's scheduling rules.</param>
public sealed record AvailabilityQuery(
    string TimeZoneId,
    DateOnly FirstDate,
    DateOnly LastDate,
    DateTimeOffset Now,
    int DurationMinutes,
    SchedulingRules Rules)
{
    /// <summary>When set, only this technician is considered (no slots if they are not among the technicians given).</summary>
    public Guid? TechnicianId { get; init; }
}

/// <summary>An open start time.</summary>
/// <param name="StartUtc">The start as an instant (offset zero).</param>
/// <param name="LocalStart">The same start on the tenant's wall clock (<see cref="DateTimeKind.Unspecified"/>).</param>
/// <param name="Technicians">Who can take the job at this start, in the order the technicians were given; never empty.</param>
public sealed record AvailableSlot(DateTimeOffset StartUtc, DateTime LocalStart, IReadOnlyList<Guid> Technicians);
