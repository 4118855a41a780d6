namespace ServicePro.Host.Scheduling;

/// <summary>
/// Whole minutes since 1970-01-01 00:00, the engine's one unit of time. An instant is counted in UTC; a local
/// wall-clock reading is counted the same way on the local clock ("local minutes"), so that local minutes =
/// UTC minutes + the zone's offset in minutes.
/// </summary>
internal static class Minutes
{
    public const long PerDay = 24 * 60;

    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;
    private static readonly int UnixEpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The last whole minute at or before the instant.</summary>
    public static long Floor(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks - UnixEpochTicks;
        var minutes = ticks / TimeSpan.TicksPerMinute;
        return ticks % TimeSpan.TicksPerMinute < 0 ? minutes - 1 : minutes;
    }

    /// <summary>The first whole minute at or after the instant.</summary>
    public static long Ceiling(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks - UnixEpochTicks;
        var minutes = ticks / TimeSpan.TicksPerMinute;
        return ticks % TimeSpan.TicksPerMinute > 0 ? minutes + 1 : minutes;
    }

    public static DateTimeOffset ToInstant(long utcMinutes) => new(UnixEpochTicks + utcMinutes * TimeSpan.TicksPerMinute, TimeSpan.Zero);

    public static DateTime ToUtcDateTime(long utcMinutes) => new(UnixEpochTicks + utcMinutes * TimeSpan.TicksPerMinute, DateTimeKind.Utc);

    /// <summary>Local minutes of the local day's midnight.</summary>
    public static long LocalMidnight(DateOnly date) => (date.DayNumber - UnixEpochDayNumber) * PerDay;

    public static DateTime ToLocalDateTime(long localMinutes) => new(UnixEpochTicks + localMinutes * TimeSpan.TicksPerMinute, DateTimeKind.Unspecified);

    /// <summary>Minutes since midnight (seconds ignored).</summary>
    public static int OfDay(TimeOnly time) => (int)(time.Ticks / TimeSpan.TicksPerMinute);
}

/// <summary>
/// A zone's UTC offset over a bounded span of time, as a short list of segments of constant offset, so that
/// converting between local and UTC minutes is integer arithmetic instead of a <see cref="TimeZoneInfo"/> call
/// per conversion. Built once per query: a month has at most a couple of segments.
/// </summary>
/// <remarks>
/// Transitions are found by sampling the offset once a day and bisecting to the minute where two samples
/// differ. Two transitions within one day that cancel out would go unnoticed; no zone in the tz database has
/// such a day in the present era. Offsets are taken to the whole minute (only historical local mean times have
/// seconds).
/// </remarks>
internal sealed class ZoneClock
{
    /// <summary>UTC minute at which segment i starts; segment 0 extends back, and the last one forward, without end.</summary>
    private readonly long[] _starts;
    private readonly long[] _offsets;

    private ZoneClock(long[] starts, long[] offsets) => (_starts, _offsets) = (starts, offsets);

    /// <summary>The zone between UTC minutes <paramref name="fromUtc"/> and <paramref name="toUtc"/>; conversions are
    /// only valid for instants in that span.</summary>
    public static ZoneClock Build(TimeZoneInfo zone, long fromUtc, long toUtc)
    {
        var starts = new List<long> { long.MinValue };
        var offsets = new List<long> { OffsetAt(zone, fromUtc) };
        for (var sample = fromUtc; sample < toUtc;)
        {
            var next = Math.Min(sample + Minutes.PerDay, toUtc);
            var offset = OffsetAt(zone, next);
            if (offset != offsets[^1])
            {
                starts.Add(FirstMinuteWithOffset(zone, sample, next, offset));
                offsets.Add(offset);
            }

            sample = next;
        }

        return new ZoneClock([.. starts], [.. offsets]);
    }

    /// <summary>
    /// The first instant at which the wall clock reads exactly <paramref name="localMinutes"/>; false when it never
    /// does (the reading falls in a spring-forward gap). For a reading that happens twice (fall-back), the earlier
    /// instant — the one still on daylight time in the usual zones.
    /// </summary>
    public bool TryFirstInstantAt(long localMinutes, out long utcMinutes)
    {
        for (var i = 0; i < _starts.Length; i++)
        {
            var candidate = localMinutes - _offsets[i];
            if (candidate >= _starts[i] && candidate < EndOf(i))
            {
                utcMinutes = candidate;
                return true;
            }
        }

        utcMinutes = 0;
        return false;
    }

    /// <summary>
    /// The first instant at which the wall clock reads <paramref name="localMinutes"/> or later. This is how a
    /// boundary (opening, closing, lunch, shift) becomes an instant: a reading that exists maps to its first
    /// occurrence, one inside a spring-forward gap to the moment of the jump (02:30 on the spring-forward day in
    /// Chicago becomes 03:00 CDT, so "open until 02:30" means "until the clocks jump").
    /// </summary>
    public long FirstInstantAtOrAfter(long localMinutes)
    {
        // Segments are in time order, so the first one that reaches the reading holds the earliest instant.
        for (var i = 0; i < _starts.Length; i++)
        {
            var candidate = Math.Max(_starts[i], localMinutes - _offsets[i]);
            if (candidate < EndOf(i))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Unreachable: the last segment has no end.");
    }

    private long EndOf(int segment) => segment + 1 < _starts.Length ? _starts[segment + 1] : long.MaxValue;

    private static long OffsetAt(TimeZoneInfo zone, long utcMinutes) =>
        zone.GetUtcOffset(Minutes.ToUtcDateTime(utcMinutes)).Ticks / TimeSpan.TicksPerMinute;

    /// <summary>Bisects <c>(before, after]</c>, where the offset changes once to <paramref name="offset"/>, to the minute it does.</summary>
    private static long FirstMinuteWithOffset(TimeZoneInfo zone, long before, long after, long offset)
    {
        while (after - before > 1)
        {
            var middle = before + (after - before) / 2;
            if (OffsetAt(zone, middle) == offset)
            {
                after = middle;
            }
            else
            {
                before = middle;
            }
        }

        return after;
    }
}
