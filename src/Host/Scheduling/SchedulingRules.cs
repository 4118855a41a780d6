using System.Globalization;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Scheduling;

/// <summary>A tenant's booking rules, as the availability engine reads them (see <see cref="AvailabilityEngine"/>
/// for exactly how each one applies).</summary>
public sealed record SchedulingRules
{
    /// <summary>Opening hours per weekday on the local clock; a weekday missing here (or with an empty range) is closed.
    /// A job must start and end within them.</summary>
    public IReadOnlyDictionary<DayOfWeek, LocalTimeRange> BusinessHours { get; init; } = new Dictionary<DayOfWeek, LocalTimeRange>();

    /// <summary>Distance between candidate start times on the local clock, counted from opening time:
    /// 30 with half-hour increments, 60 otherwise.</summary>
    public int SlotStepMinutes { get; init; } = 30;

    /// <summary>A job may start no earlier than this many hours after <see cref="AvailabilityQuery.Now"/>.</summary>
    public int MinimumNoticeHours { get; init; }

    /// <summary>When false, Saturdays and Sundays offer nothing even if <see cref="BusinessHours"/> has them open.</summary>
    public bool AllowWeekendBookings { get; init; }

    /// <summary>Whether nobody takes jobs over lunch.</summary>
    public bool LunchBreakEnabled { get; init; }

    /// <summary>When lunch starts on the local clock.</summary>
    public TimeOnly LunchStart { get; init; } = new(12, 0);

    /// <summary>How long lunch lasts, in real minutes.</summary>
    public int LunchMinutes { get; init; } = 60;

    /// <summary>Minutes kept free after every job: after each existing appointment before the new job may start, and
    /// after the new job before the next appointment starts.</summary>
    public int BufferMinutes { get; init; }

    /// <summary>The rules from a tenant's settings: its business hours ("monday".."sunday", "HH:mm") and
    /// scheduler config. A day missing from the hours, or
    /// marked closed, is closed.</summary>
    /// <exception cref="FormatException">An open day's hours or the lunch time are not "HH:mm".</exception>
    public static SchedulingRules FromTenantSettings(TenantSettings settings)
    {
        var config = settings.SchedulerConfig;
        return new SchedulingRules
        {
            BusinessHours = ParseBusinessHours(settings.BusinessHours),
            SlotStepMinutes = config.HalfHourIncrements ? 30 : 60,
            MinimumNoticeHours = config.MinimumNoticeHours,
            AllowWeekendBookings = config.AllowWeekendBookings,
            LunchBreakEnabled = config.EnableLunchBreak,
            LunchStart = ParseClock(config.LunchTime, "lunch time"),
            LunchMinutes = config.LunchMinutes,
            BufferMinutes = config.BufferMinutes,
        };
    }

    private static Dictionary<DayOfWeek, LocalTimeRange> ParseBusinessHours(IReadOnlyDictionary<string, BusinessDay> hours)
    {
        var result = new Dictionary<DayOfWeek, LocalTimeRange>();
        foreach (var (name, day) in hours)
        {
            if (day.Closed || !Enum.TryParse<DayOfWeek>(name, ignoreCase: true, out var weekday))
            {
                continue;
            }

            result[weekday] = new LocalTimeRange(ParseClock(day.Start, $"{name} opening time"), ParseClock(day.End, $"{name} closing time"));
        }

        return result;
    }

    private static TimeOnly ParseClock(string value, string what) =>
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new FormatException($"The {what} '{value}' is not a 24-hour HH:mm time.");
}
