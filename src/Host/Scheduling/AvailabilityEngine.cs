namespace ServicePro.Host.Scheduling;

/// <summary>
/// Finds the open start times for a job: pure and fast (integer minutes, no database, no per-minute loops).
/// </summary>
/// <remarks>
/// <para>All instants are whole minutes; a job lasts <see cref="AvailabilityQuery.DurationMinutes"/> real elapsed
/// minutes, so a job across a daylight-saving change is as long as any other even though the wall clock says
/// otherwise. A start <c>s</c> with end <c>e = s + duration</c> is open on local day D when:</para>
/// <list type="number">
/// <item>D is open in <see cref="SchedulingRules.BusinessHours"/>, and is not a Saturday or Sunday unless
/// <see cref="SchedulingRules.AllowWeekendBookings"/>;</item>
/// <item>the wall-clock reading of <c>s</c> is on D's grid: opening time + k × <see cref="SchedulingRules.SlotStepMinutes"/>,
/// before closing time. A reading that does not exist (inside a spring-forward gap) offers no start; a reading
/// that happens twice (the repeated hour after a fall-back) offers its first occurrence only — on daylight time
/// in the usual zones — and <c>s</c> is that instant;</item>
/// <item><c>s</c> ≥ <see cref="AvailabilityQuery.Now"/> + <see cref="SchedulingRules.MinimumNoticeHours"/>;</item>
/// <item><c>[s, e)</c> lies within D's opening hours (the whole job ends by closing time), and does not overlap
/// lunch, <c>[lunch start, lunch start + LunchMinutes)</c>;</item>
/// <item>at least one technician is on shift for the whole of <c>[s, e)</c> (D's shifts only), has no time off
/// overlapping it, and every appointment <c>[a, b)</c> of theirs either ends at least the buffer before
/// (<c>b + buffer ≤ s</c>) or starts at least the buffer after (<c>e + buffer ≤ a</c>).</item>
/// </list>
/// <para>Local times that bound something — opening, closing, lunch start, shift start and end — become the
/// first instant at which the wall clock reads that time or later (<see cref="ZoneClock.FirstInstantAtOrAfter"/>):
/// a time that happens twice is its first occurrence, a time inside a spring-forward gap is the moment of the
/// jump. So hours 01:00–04:00 last two real hours on the Chicago spring-forward day and four on the fall-back
/// day, and the starts offered in the repeated hour are the daylight ones only. Lunch then lasts
/// <see cref="SchedulingRules.LunchMinutes"/> real minutes from its start.</para>
/// <para>Opening hours and shifts stay within one local day (a range ending at or before its start is empty).
/// Times are taken to the whole minute: local times drop their seconds, time off and appointments are widened to
/// whole minutes, and "now + notice" is rounded up.</para>
/// </remarks>
public static class AvailabilityEngine
{
    /// <summary>The most local days one query may cover.</summary>
    public const int MaxDays = 366;

    /// <summary>The open starts in time order, each with the technicians who can take the job then.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative or zero duration or step, negative notice, buffer or
    /// lunch length, or more than <see cref="MaxDays"/> days.</exception>
    /// <exception cref="TimeZoneNotFoundException">The zone id is unknown.</exception>
    public static IReadOnlyList<AvailableSlot> FindOpenSlots(AvailabilityQuery query, IReadOnlyList<TechnicianSchedule> technicians)
    {
        Validate(query);
        var team = SelectTeam(technicians, query.TechnicianId);
        if (team.Count == 0 || query.LastDate < query.FirstDate)
        {
            return [];
        }

        return new Search(query, team).Run();
    }

    private static void Validate(AvailabilityQuery query)
    {
        var rules = query.Rules;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.DurationMinutes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rules.SlotStepMinutes);
        ArgumentOutOfRangeException.ThrowIfNegative(rules.MinimumNoticeHours);
        ArgumentOutOfRangeException.ThrowIfNegative(rules.BufferMinutes);
        ArgumentOutOfRangeException.ThrowIfNegative(rules.LunchMinutes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.LastDate.DayNumber - query.FirstDate.DayNumber + 1, MaxDays, "days");
    }

    private static List<TechnicianSchedule> SelectTeam(IReadOnlyList<TechnicianSchedule> technicians, Guid? only)
    {
        var team = new List<TechnicianSchedule>(only is null ? technicians.Count : 1);
        foreach (var technician in technicians)
        {
            if (only is null || technician.Id == only)
            {
                team.Add(technician);
            }
        }

        return team;
    }

    /// <summary>Opening and closing minute of the day per weekday (indexed by <see cref="DayOfWeek"/>); null when closed.</summary>
    private static (int Open, int Close)?[] WeeklyHours(SchedulingRules rules)
    {
        var hours = new (int, int)?[7];
        foreach (var (weekday, range) in rules.BusinessHours)
        {
            var (open, close) = (Minutes.OfDay(range.Start), Minutes.OfDay(range.End));
            hours[(int)weekday] = close > open ? (open, close) : null;
        }

        return hours;
    }

    private static bool IsWeekend(DayOfWeek weekday) => weekday is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>One query's search: everything converted to UTC minutes once, then the days in order.</summary>
    private sealed class Search
    {
        private readonly AvailabilityQuery _query;
        private readonly SchedulingRules _rules;
        private readonly List<TechnicianSchedule> _team;
        private readonly ZoneClock _clock;
        private readonly ShiftTable _shifts;
        private readonly BlockedTimes _blocked;
        private readonly (int Open, int Close)?[] _hours;
        private readonly long _earliestStart;
        private readonly List<AvailableSlot> _slots = [];
        private readonly Guid[] _free;
        private readonly long[] _busyUntil; // per technician: known to be unable to start a job before this

        public Search(AvailabilityQuery query, List<TechnicianSchedule> team)
        {
            (_query, _rules, _team) = (query, query.Rules, team);
            // Every instant of the searched days lies within a day of their span on the local clock (offsets stay
            // within −12 h and +14 h), so this UTC span holds everything the search can touch.
            var spanFrom = Minutes.LocalMidnight(query.FirstDate) - Minutes.PerDay;
            var spanTo = Minutes.LocalMidnight(query.LastDate) + 2 * Minutes.PerDay;
            _clock = ZoneClock.Build(TimeZoneInfo.FindSystemTimeZoneById(query.TimeZoneId), spanFrom, spanTo);
            _shifts = ShiftTable.Build(team);
            _blocked = BlockedTimes.For(team, _rules.BufferMinutes, spanFrom, spanTo);
            _hours = WeeklyHours(_rules);
            _earliestStart = Minutes.Ceiling(query.Now) + _rules.MinimumNoticeHours * 60L;
            _free = new Guid[team.Count];
            _busyUntil = new long[team.Count];
        }

        public List<AvailableSlot> Run()
        {
            for (var date = _query.FirstDate; date <= _query.LastDate; date = date.AddDays(1))
            {
                var weekday = date.DayOfWeek;
                if (_hours[(int)weekday] is (var open, var close) && (_rules.AllowWeekendBookings || !IsWeekend(weekday)))
                {
                    SearchDay(date, open, close);
                }
            }

            return _slots;
        }

        /// <summary>Tries each start on the day's grid, in time order (which the blocked-time cursors rely on).</summary>
        private void SearchDay(DateOnly date, int open, int close)
        {
            var midnight = Minutes.LocalMidnight(date);
            var day = DayWindow.For(midnight, open, close, _rules, _clock);
            _shifts.LoadDay(midnight, date.DayOfWeek, _clock);

            for (var minuteOfDay = open; minuteOfDay < close; minuteOfDay += _rules.SlotStepMinutes)
            {
                if (!_clock.TryFirstInstantAt(midnight + minuteOfDay, out var start) || start < _earliestStart)
                {
                    continue; // the reading does not exist today (spring forward), or it is too soon
                }

                var end = start + _query.DurationMinutes;
                if (end > day.Close)
                {
                    break; // starts only get later, so no later one fits before closing either
                }

                if (!day.AllowsJob(start, end))
                {
                    continue;
                }

                var count = FreeTechnicians(start, end);
                if (count > 0)
                {
                    _slots.Add(new AvailableSlot(Minutes.ToInstant(start), Minutes.ToLocalDateTime(midnight + minuteOfDay), _free[..count]));
                }
            }
        }

        /// <summary>Puts the technicians who can take <c>[start, end)</c> at the front of <see cref="_free"/>, in team order; returns how many.</summary>
        private int FreeTechnicians(long start, long end)
        {
            var count = 0;
            for (var t = 0; t < _team.Count; t++)
            {
                // A technician found blocked is skipped cheaply until the blocking range ends.
                if (start < _busyUntil[t] || !_shifts.Covers(t, start, end))
                {
                    continue;
                }

                if (_blocked.IsFree(t, start, end, out _busyUntil[t]))
                {
                    _free[count++] = _team[t].Id;
                }
            }

            return count;
        }
    }

    /// <summary>One local day's opening hours and lunch, as UTC minutes.</summary>
    private readonly record struct DayWindow(long Open, long Close, long LunchStart, long LunchEnd)
    {
        public static DayWindow For(long midnight, int open, int close, SchedulingRules rules, ZoneClock clock)
        {
            var (lunchStart, lunchEnd) = (long.MinValue, long.MinValue); // no lunch: nothing to avoid
            if (rules.LunchBreakEnabled && rules.LunchMinutes > 0)
            {
                lunchStart = clock.FirstInstantAtOrAfter(midnight + Minutes.OfDay(rules.LunchStart));
                lunchEnd = lunchStart + rules.LunchMinutes;
            }

            return new DayWindow(clock.FirstInstantAtOrAfter(midnight + open), clock.FirstInstantAtOrAfter(midnight + close), lunchStart, lunchEnd);
        }

        /// <summary>Whether <c>[start, end)</c> is within opening hours and clear of lunch.</summary>
        public bool AllowsJob(long start, long end) =>
            start >= Open && end <= Close && (end <= LunchStart || start >= LunchEnd);
    }
}
