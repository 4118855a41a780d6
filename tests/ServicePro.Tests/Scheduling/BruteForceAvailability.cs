using ServicePro.Host.Scheduling;

namespace ServicePro.Tests.Scheduling;

/// <summary>
/// The availability rules written as plainly as possible, to check the engine against: it reads the wall clock
/// of every single UTC minute around the searched days from <see cref="TimeZoneInfo"/>, and checks every minute
/// of every candidate job against every rule. Slow and obvious; shares no code with the engine (only the input
/// and output records).
/// </summary>
internal sealed class BruteForceAvailability
{
    private readonly AvailabilityQuery _query;
    private readonly List<TechnicianSchedule> _team;
    private readonly DateTime _firstUtc;          // the UTC minute at index 0
    private readonly DateTime[] _wallClock;       // the local reading at each UTC minute
    private readonly Dictionary<DateTime, int> _firstAtOrAfter = [];

    private BruteForceAvailability(AvailabilityQuery query, IReadOnlyList<TechnicianSchedule> technicians)
    {
        _query = query;
        _team = [.. technicians.Where(t => query.TechnicianId is null || t.Id == query.TechnicianId)];
        var zone = TimeZoneInfo.FindSystemTimeZoneById(query.TimeZoneId);
        // Offsets lie within −12 h and +14 h, so 16 hours either side covers every instant of the searched days.
        _firstUtc = DateTime.SpecifyKind(query.FirstDate.ToDateTime(TimeOnly.MinValue).AddHours(-16), DateTimeKind.Utc);
        var lastUtc = DateTime.SpecifyKind(query.LastDate.AddDays(1).ToDateTime(TimeOnly.MinValue).AddHours(16), DateTimeKind.Utc);
        _wallClock = new DateTime[(int)(lastUtc - _firstUtc).TotalMinutes];
        for (var i = 0; i < _wallClock.Length; i++)
        {
            _wallClock[i] = TimeZoneInfo.ConvertTimeFromUtc(_firstUtc.AddMinutes(i), zone);
        }
    }

    public static List<AvailableSlot> FindOpenSlots(AvailabilityQuery query, IReadOnlyList<TechnicianSchedule> technicians) =>
        new BruteForceAvailability(query, technicians).Run();

    private List<AvailableSlot> Run()
    {
        var slots = new List<AvailableSlot>();
        var seen = new HashSet<DateTime>();
        for (var minute = 0; minute < _wallClock.Length; minute++)
        {
            var local = _wallClock[minute];
            // A reading that happens twice offers only its first occurrence.
            if (!seen.Add(local) || !IsGridStart(local) || Instant(minute) < _query.Now.AddHours(_query.Rules.MinimumNoticeHours))
            {
                continue;
            }

            var date = DateOnly.FromDateTime(local);
            var end = minute + _query.DurationMinutes;
            if (!Range(minute, end).All(m => IsOpen(date, m) && !IsLunch(date, m)))
            {
                continue;
            }

            var free = _team.Where(t => Range(minute, end).All(m => IsOnShift(t, date, m) && !IsAway(t, m))
                                        && IsClearOfAppointments(t, minute, end)).Select(t => t.Id).ToList();
            if (free.Count > 0)
            {
                slots.Add(new AvailableSlot(new DateTimeOffset(Instant(minute), TimeSpan.Zero), local, free));
            }
        }

        return slots;
    }

    /// <summary>On a searched, bookable day, opening time + k × step, before closing time.</summary>
    private bool IsGridStart(DateTime local)
    {
        var date = DateOnly.FromDateTime(local);
        var rules = _query.Rules;
        if (date < _query.FirstDate || date > _query.LastDate || !rules.BusinessHours.TryGetValue(date.DayOfWeek, out var hours)
            || (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && !rules.AllowWeekendBookings))
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(local);
        var sinceOpening = (time - hours.Start).TotalMinutes;
        return time >= hours.Start && time < hours.End && sinceOpening % rules.SlotStepMinutes == 0;
    }

    private bool IsOpen(DateOnly date, int minute)
    {
        var hours = _query.Rules.BusinessHours[date.DayOfWeek];
        return FirstAtOrAfter(date, hours.Start) <= minute && minute < FirstAtOrAfter(date, hours.End);
    }

    private bool IsLunch(DateOnly date, int minute)
    {
        var rules = _query.Rules;
        var start = FirstAtOrAfter(date, rules.LunchStart);
        return rules.LunchBreakEnabled && start <= minute && minute < start + rules.LunchMinutes;
    }

    private bool IsOnShift(TechnicianSchedule technician, DateOnly date, int minute) =>
        technician.WeeklyShifts.TryGetValue(date.DayOfWeek, out var shifts)
        && shifts.Any(s => FirstAtOrAfter(date, s.Start) <= minute && minute < FirstAtOrAfter(date, s.End));

    private bool IsAway(TechnicianSchedule technician, int minute) => technician.TimeOff.Any(off => Overlaps(minute, off.Start, off.End));

    /// <summary>No appointment minute lies within the buffer after it, and the job and its own buffer end before the next one.</summary>
    private bool IsClearOfAppointments(TechnicianSchedule technician, int start, int end)
    {
        var buffer = TimeSpan.FromMinutes(_query.Rules.BufferMinutes);
        return technician.Appointments.All(a =>
            Range(start, end).All(m => !Overlaps(m, a.Start, a.End + buffer))
            && Range(end, end + _query.Rules.BufferMinutes).All(m => !Overlaps(m, a.Start, a.End)));
    }

    /// <summary>Whether the minute <c>[m, m + 1)</c> overlaps <c>[from, to)</c>.</summary>
    private bool Overlaps(int minute, DateTimeOffset from, DateTimeOffset to) =>
        from < to && Instant(minute + 1) > from && Instant(minute) < to;

    /// <summary>The index of the first UTC minute whose wall-clock reading is <paramref name="time"/> on <paramref name="date"/> or later.</summary>
    private int FirstAtOrAfter(DateOnly date, TimeOnly time)
    {
        var reading = date.ToDateTime(time);
        if (!_firstAtOrAfter.TryGetValue(reading, out var index))
        {
            index = Array.FindIndex(_wallClock, local => local >= reading);
            _firstAtOrAfter[reading] = index;
        }

        return index;
    }

    private DateTime Instant(int minute) => _firstUtc.AddMinutes(minute);

    private static IEnumerable<int> Range(int from, int to) => Enumerable.Range(from, Math.Max(0, to - from));
}
