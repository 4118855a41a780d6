using System.Globalization;
using ServicePro.Host.Scheduling;

namespace ServicePro.Tests.Scheduling;

/// <summary>Short ways to write the inputs of the example tests. Inputs only: nothing here computes availability.</summary>
internal static class Scenario
{
    public const string Chicago = "America/Chicago";

    /// <summary>A Monday in summer (Chicago on CDT, UTC−5).</summary>
    public static readonly DateOnly Monday = new(2026, 6, 15);

    public static readonly Guid Alice = new("00000000-0000-0000-0000-00000000000a");
    public static readonly Guid Bob = new("00000000-0000-0000-0000-00000000000b");

    public static TimeOnly T(string hhmm) => TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);

    public static LocalTimeRange Range(string from, string to) => new(T(from), T(to));

    public static Dictionary<DayOfWeek, LocalTimeRange> EveryDay(string open, string close) =>
        Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => Range(open, close));

    /// <summary>09:00–15:00 every day, half-hour steps, no notice, no lunch, no buffer, weekends allowed.</summary>
    public static SchedulingRules Rules(string open = "09:00", string close = "15:00") => new()
    {
        BusinessHours = EveryDay(open, close),
        SlotStepMinutes = 30,
        MinimumNoticeHours = 0,
        AllowWeekendBookings = true,
        LunchBreakEnabled = false,
        BufferMinutes = 0,
    };

    /// <summary>A technician on shift every day of the week (00:00–23:59 unless given).</summary>
    public static TechnicianSchedule Technician(
        Guid id, string shiftFrom = "00:00", string shiftTo = "23:59",
        InstantRange[]? appointments = null, InstantRange[]? timeOff = null) =>
        new(id,
            Enum.GetValues<DayOfWeek>().ToDictionary(d => d, IReadOnlyList<LocalTimeRange> (_) => [Range(shiftFrom, shiftTo)]),
            timeOff ?? [],
            appointments ?? []);

    /// <summary>An instant given by its reading on the local clock of <paramref name="zone"/> (which must exist and be unambiguous).</summary>
    public static DateTimeOffset At(DateOnly date, string hhmm, string zone = Chicago)
    {
        var local = date.ToDateTime(T(hhmm));
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        return new DateTimeOffset(local, tz.GetUtcOffset(local));
    }

    public static InstantRange Between(DateOnly date, string from, string to, string zone = Chicago) => new(At(date, from, zone), At(date, to, zone));

    public static AvailabilityQuery Query(
        SchedulingRules rules, DateOnly first, DateOnly? last = null, int duration = 60, string zone = Chicago, DateTimeOffset? now = null) =>
        new(zone, first, last ?? first, now ?? new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), duration, rules);

    /// <summary>The slots' starts on the local clock, "HH:mm".</summary>
    public static string[] LocalTimes(IEnumerable<AvailableSlot> slots) =>
        [.. slots.Select(s => s.LocalStart.ToString("HH:mm", CultureInfo.InvariantCulture))];

    /// <summary>The slots' starts as UTC instants, "yyyy-MM-ddTHH:mmZ".</summary>
    public static string[] UtcTimes(IEnumerable<AvailableSlot> slots) =>
        [.. slots.Select(s => s.StartUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture))];

    /// <summary>Local times from <paramref name="first"/> to <paramref name="last"/> every <paramref name="step"/> minutes.</summary>
    public static string[] Every(int step, string first, string last)
    {
        var times = new List<string>();
        for (var t = T(first); t <= T(last); t = t.AddMinutes(step))
        {
            times.Add(t.ToString("HH:mm", CultureInfo.InvariantCulture));
            if (t == T(last))
            {
                break;
            }
        }

        return [.. times];
    }
}
