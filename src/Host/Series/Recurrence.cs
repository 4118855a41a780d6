using ServicePro.Host.Bookings;


namespace ServicePro.Host.Series;

/// <summary>
/// The local dates a <see cref="RecurrencePattern"/> falls on. Pure calendar arithmetic on <see cref="DateOnly"/>:
/// times and time zones are the scheduler's business, so a date here is a day on the tenant's wall calendar.
/// </summary>
public static class Recurrence
{
    /// <summary>Weeks start on Monday, so "every 2 weeks" counts Monday-to-Sunday weeks from the one holding the first day.</summary>
    private const DayOfWeek FirstDayOfWeek = DayOfWeek.Monday;

    /// <summary>
    /// The dates of the pattern in <c>[<paramref name="from"/>, <paramref name="to"/>]</c> that also lie in the series'
    /// own span <c>[<paramref name="startsOn"/>, <paramref name="endsOn"/>]</c>, in order and without repeats.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The pattern is not one the API accepts (an interval below 1,
    /// a day of month outside 1–31, a week of month other than 1–5 or −1).</exception>
    public static IEnumerable<DateOnly> DatesBetween(RecurrencePattern pattern, DateOnly startsOn, DateOnly? endsOn, DateOnly from, DateOnly to)
    {
        var first = from > startsOn ? from : startsOn;
        var last = endsOn is { } end && end < to ? end : to;
        if (last < first)
        {
            return [];
        }

        return pattern.Kind switch
        {
            RecurrenceKind.Weekly => Weekly(pattern, startsOn, first, last),
            RecurrenceKind.MonthlyByDay => Monthly(first, last, (year, month) => DayOfMonth(pattern, year, month)),
            RecurrenceKind.MonthlyByWeekday => Monthly(first, last, (year, month) => WeekdayOfMonth(pattern, year, month)),
            RecurrenceKind.Dates => pattern.Dates.Where(d => d >= first && d <= last).Distinct().Order(),
            _ => throw new ArgumentOutOfRangeException(nameof(pattern), pattern.Kind, "Unknown recurrence kind."),
        };
    }

    /// <summary>Whether <paramref name="date"/> is one of the series' dates.</summary>
    public static bool Includes(RecurrencePattern pattern, DateOnly startsOn, DateOnly? endsOn, DateOnly date) =>
        DatesBetween(pattern, startsOn, endsOn, date, date).Any();

    /// <summary>The Monday of the week holding <paramref name="date"/>.</summary>
    public static DateOnly StartOfWeek(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek - (int)FirstDayOfWeek + 7) % 7));

    private static IEnumerable<DateOnly> Weekly(RecurrencePattern pattern, DateOnly startsOn, DateOnly first, DateOnly last)
    {
        if (pattern.IntervalWeeks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pattern), pattern.IntervalWeeks, "A weekly pattern repeats every 1 or more weeks.");
        }

        var weekdays = pattern.Weekdays.ToHashSet();
        var anchor = StartOfWeek(startsOn);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var weeksSinceStart = (StartOfWeek(date).DayNumber - anchor.DayNumber) / 7;
            if (weekdays.Contains(date.DayOfWeek) && weeksSinceStart % pattern.IntervalWeeks == 0)
            {
                yield return date;
            }
        }
    }

    /// <summary>One candidate per calendar month touched by <c>[first, last]</c>; a month without one (null) is skipped.</summary>
    private static IEnumerable<DateOnly> Monthly(DateOnly first, DateOnly last, Func<int, int, DateOnly?> dateInMonth)
    {
        for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
        {
            if (dateInMonth(month.Year, month.Month) is { } date && date >= first && date <= last)
            {
                yield return date;
            }
        }
    }

    /// <summary>The day, or the month's last day when the month is shorter (the 31st is February 28 or 29).</summary>
    private static DateOnly DayOfMonth(RecurrencePattern pattern, int year, int month)
    {
        if (pattern.DayOfMonth is < 1 or > 31)
        {
            throw new ArgumentOutOfRangeException(nameof(pattern), pattern.DayOfMonth, "The day of the month is 1 to 31.");
        }

        return new DateOnly(year, month, Math.Min(pattern.DayOfMonth, DateTime.DaysInMonth(year, month)));
    }

    /// <summary>The nth weekday of the month (n = 1–5), or its last (n = −1); null when the month has no 5th one.</summary>
    private static DateOnly? WeekdayOfMonth(RecurrencePattern pattern, int year, int month)
    {
        if (pattern.WeekOfMonth == -1)
        {
            var lastDay = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return lastDay.AddDays(-(((int)lastDay.DayOfWeek - (int)pattern.Weekday + 7) % 7));
        }

        if (pattern.WeekOfMonth is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(pattern), pattern.WeekOfMonth, "The week of the month is 1 to 5, or −1 for the last.");
        }

        var firstDay = new DateOnly(year, month, 1);
        var date = firstDay.AddDays(((int)pattern.Weekday - (int)firstDay.DayOfWeek + 7) % 7 + 7 * (pattern.WeekOfMonth - 1));
        return date.Month == month ? date : null;
    }
}
