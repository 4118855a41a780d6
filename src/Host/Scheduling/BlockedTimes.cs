namespace ServicePro.Host.Scheduling;

/// <summary>
/// When each technician cannot take a new job, in UTC minutes: their time off as given, and each of their
/// appointments widened by the buffer on both sides. Widening after an appointment is the buffer that follows
/// it; widening before is what keeps the new job's own buffer clear of it. Each technician's ranges are sorted
/// and merged, so they are disjoint and their ends increase too. Flat arrays for the whole team.
/// </summary>
/// <remarks>Asked about jobs in increasing start order, it answers each in amortised constant time with a cursor
/// per technician that only moves forward: a range that ends before one job starts ends before every later one.</remarks>
internal sealed class BlockedTimes
{
    // Technician t's ranges are _starts/_ends[_from[t] .. _to[t]); _cursor[t] is the first that may still matter.
    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly int[] _from;
    private readonly int[] _to;
    private readonly int[] _cursor;

    private BlockedTimes(long[] starts, long[] ends, int[] from, int[] to)
    {
        (_starts, _ends, _from, _to) = (starts, ends, from, to);
        _cursor = (int[])from.Clone();
    }

    /// <summary>The team's blocked times that reach into <c>[fromUtc, toUtc)</c>; the rest cannot matter.</summary>
    public static BlockedTimes For(IReadOnlyList<TechnicianSchedule> team, int bufferMinutes, long fromUtc, long toUtc)
    {
        var capacity = 0;
        foreach (var technician in team)
        {
            capacity += technician.Appointments.Count + technician.TimeOff.Count;
        }

        var starts = new long[capacity];
        var ends = new long[capacity];
        var from = new int[team.Count];
        var to = new int[team.Count];
        var count = 0;
        for (var t = 0; t < team.Count; t++)
        {
            from[t] = count;
            count = Append(team[t].Appointments, bufferMinutes, fromUtc, toUtc, starts, ends, count);
            count = Append(team[t].TimeOff, 0, fromUtc, toUtc, starts, ends, count);
            to[t] = SortAndMerge(starts, ends, from[t], count);
            count = to[t];
        }

        return new BlockedTimes(starts, ends, from, to);
    }

    /// <summary>
    /// Whether technician <paramref name="technician"/> is free for the whole of <c>[start, end)</c>; if not,
    /// <paramref name="blockedUntil"/> is when the range in the way ends: no job starting before then can be taken
    /// either, since it would overlap the same range. For each technician, calls must come in non-decreasing
    /// <paramref name="start"/> order.
    /// </summary>
    public bool IsFree(int technician, long start, long end, out long blockedUntil)
    {
        var cursor = _cursor[technician];
        var last = _to[technician];
        while (cursor < last && _ends[cursor] <= start)
        {
            cursor++;
        }

        _cursor[technician] = cursor;
        var free = cursor == last || _starts[cursor] >= end;
        blockedUntil = free ? start : _ends[cursor];
        return free;
    }

    /// <summary>Appends the ranges, widened by <paramref name="widenBy"/> on both sides, that reach into the span.
    /// Partial minutes count as blocked (starts round down, ends up); empty or inverted ranges are ignored.</summary>
    private static int Append(IReadOnlyList<InstantRange> ranges, int widenBy, long fromUtc, long toUtc, long[] starts, long[] ends, int count)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            var range = ranges[i];
            var start = Minutes.Floor(range.Start) - widenBy;
            var end = Minutes.Ceiling(range.End) + widenBy;
            if (range.End > range.Start && end > fromUtc && start < toUtc)
            {
                (starts[count], ends[count]) = (start, end);
                count++;
            }
        }

        return count;
    }

    /// <summary>Sorts <c>[from, to)</c> by start (unless it already is: appointments usually come ordered from the
    /// database) and merges overlapping or touching ranges in place; returns the new end.</summary>
    private static int SortAndMerge(long[] starts, long[] ends, int from, int to)
    {
        if (to - from < 2)
        {
            return to;
        }

        if (!IsSorted(starts, from, to))
        {
            Array.Sort(starts, ends, from, to - from);
        }

        var last = from;
        for (var i = from + 1; i < to; i++)
        {
            if (starts[i] <= ends[last])
            {
                ends[last] = Math.Max(ends[last], ends[i]);
            }
            else
            {
                last++;
                (starts[last], ends[last]) = (starts[i], ends[i]);
            }
        }

        return last + 1;
    }

    private static bool IsSorted(long[] values, int from, int to)
    {
        for (var i = from + 1; i < to; i++)
        {
            if (values[i] < values[i - 1])
            {
                return false;
            }
        }

        return true;
    }
}
