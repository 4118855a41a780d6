namespace ServicePro.Host.Scheduling;

/// <summary>
/// The team's weekly shifts, and for the local day being searched each technician's shifts as UTC minutes.
/// All in flat arrays, built once per query, so a month of days allocates nothing more.
/// </summary>
internal sealed class ShiftTable
{
    // Weekly shifts in minutes of the local day, per (technician, weekday): entries
    // _weekly*[_weeklyFrom[k] .. _weeklyFrom[k + 1]) with k = technician * 7 + (int)weekday; sorted and merged.
    private readonly int[] _weeklyStart;
    private readonly int[] _weeklyEnd;
    private readonly int[] _weeklyFrom;

    // The loaded day's shifts in UTC minutes, per technician: entries _day*[_dayFrom[t] .. _dayFrom[t + 1]).
    private readonly long[] _dayStart;
    private readonly long[] _dayEnd;
    private readonly int[] _dayFrom;

    private ShiftTable(int[] weeklyStart, int[] weeklyEnd, int[] weeklyFrom, int technicians)
    {
        (_weeklyStart, _weeklyEnd, _weeklyFrom) = (weeklyStart, weeklyEnd, weeklyFrom);
        _dayStart = new long[weeklyStart.Length];
        _dayEnd = new long[weeklyStart.Length];
        _dayFrom = new int[technicians + 1];
    }

    public static ShiftTable Build(IReadOnlyList<TechnicianSchedule> team)
    {
        var starts = new List<int>(team.Count * 7);
        var ends = new List<int>(team.Count * 7);
        var from = new int[team.Count * 7 + 1];
        for (var t = 0; t < team.Count; t++)
        {
            for (var weekday = 0; weekday < 7; weekday++)
            {
                from[t * 7 + weekday] = starts.Count;
                if (team[t].WeeklyShifts.TryGetValue((DayOfWeek)weekday, out var shifts))
                {
                    AddMerged(shifts, starts, ends);
                }
            }
        }

        from[^1] = starts.Count;
        return new ShiftTable([.. starts], [.. ends], from, team.Count);
    }

    /// <summary>Converts every technician's shifts of the local day starting at <paramref name="midnight"/> (local
    /// minutes) to UTC. A shift boundary becomes the first instant the wall clock reads it or later (see
    /// <see cref="ZoneClock.FirstInstantAtOrAfter"/>); shifts that become touching in UTC (across a
    /// spring-forward gap) are joined, and shifts that vanish in the gap dropped.</summary>
    public void LoadDay(long midnight, DayOfWeek weekday, ZoneClock clock)
    {
        var technicians = _dayFrom.Length - 1;
        var count = 0;
        for (var t = 0; t < technicians; t++)
        {
            _dayFrom[t] = count;
            var key = t * 7 + (int)weekday;
            for (var i = _weeklyFrom[key]; i < _weeklyFrom[key + 1]; i++)
            {
                var start = clock.FirstInstantAtOrAfter(midnight + _weeklyStart[i]);
                var end = clock.FirstInstantAtOrAfter(midnight + _weeklyEnd[i]);
                if (end <= start)
                {
                    continue;
                }

                if (count > _dayFrom[t] && start <= _dayEnd[count - 1])
                {
                    _dayEnd[count - 1] = Math.Max(_dayEnd[count - 1], end);
                }
                else
                {
                    (_dayStart[count], _dayEnd[count]) = (start, end);
                    count++;
                }
            }
        }

        _dayFrom[technicians] = count;
    }

    /// <summary>Whether technician <paramref name="technician"/> is on shift for the whole of <c>[start, end)</c> on the loaded day.</summary>
    public bool Covers(int technician, long start, long end)
    {
        for (var i = _dayFrom[technician]; i < _dayFrom[technician + 1]; i++)
        {
            if (_dayStart[i] <= start && end <= _dayEnd[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Appends one weekday's shifts as minutes of the day, sorted and with overlapping or touching ones merged.</summary>
    private static void AddMerged(IReadOnlyList<LocalTimeRange> shifts, List<int> starts, List<int> ends)
    {
        Span<(int Start, int End)> day = shifts.Count <= 16 ? stackalloc (int, int)[shifts.Count] : new (int, int)[shifts.Count];
        var count = 0;
        for (var i = 0; i < shifts.Count; i++)
        {
            var (start, end) = (Minutes.OfDay(shifts[i].Start), Minutes.OfDay(shifts[i].End));
            if (end > start)
            {
                day[count++] = (start, end);
            }
        }

        day = day[..count];
        day.Sort();
        var first = starts.Count;
        foreach (var (start, end) in day)
        {
            if (starts.Count > first && start <= ends[^1])
            {
                ends[^1] = Math.Max(ends[^1], end);
            }
            else
            {
                starts.Add(start);
                ends.Add(end);
            }
        }
    }
}
