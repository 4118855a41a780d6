using ServicePro.Host.Bookings;
using ServicePro.Host.Series;

namespace ServicePro.Tests.Bookings;

/// <summary>The pure date arithmetic of recurring series, and how a series date and time becomes an instant.</summary>
public sealed class SeriesRecurrenceTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static List<DateOnly> Dates(RecurrencePattern pattern, DateOnly startsOn, DateOnly? endsOn, DateOnly from, DateOnly to) =>
        Recurrence.DatesBetween(pattern, startsOn, endsOn, from, to).ToList();

    private static RecurrencePattern Weekly(int interval, params DayOfWeek[] days) =>
        new() { Kind = RecurrenceKind.Weekly, IntervalWeeks = interval, Weekdays = days };

    [Fact]
    public void Weekly_on_two_weekdays_starts_on_the_first_day_and_keeps_order()
    {
        // 2025-01-01 is a Wednesday.
        var dates = Dates(Weekly(1, DayOfWeek.Thursday, DayOfWeek.Monday), D(2025, 1, 1), null, D(2024, 12, 1), D(2025, 1, 16));

        Assert.Equal([D(2025, 1, 2), D(2025, 1, 6), D(2025, 1, 9), D(2025, 1, 13), D(2025, 1, 16)], dates);
    }

    [Fact]
    public void Every_two_weeks_counts_monday_weeks_from_the_week_of_the_first_day()
    {
        // The first day is a Wednesday, so its week's Monday (Dec 30) is before it and not a date; week 2 is Jan 13.
        var dates = Dates(Weekly(2, DayOfWeek.Monday), D(2025, 1, 1), null, D(2025, 1, 1), D(2025, 2, 28));

        Assert.Equal([D(2025, 1, 13), D(2025, 1, 27), D(2025, 2, 10), D(2025, 2, 24)], dates);
    }

    [Fact]
    public void Every_three_weeks_stays_in_step_when_asked_from_a_later_day()
    {
        var pattern = Weekly(3, DayOfWeek.Friday);

        Assert.Equal([D(2025, 1, 3), D(2025, 1, 24), D(2025, 2, 14), D(2025, 3, 7)], Dates(pattern, D(2025, 1, 3), null, D(2025, 1, 1), D(2025, 3, 7)));
        // Generation resumes where it stopped; the rhythm is still counted from the first day.
        Assert.Equal([D(2025, 2, 14), D(2025, 3, 7)], Dates(pattern, D(2025, 1, 3), null, D(2025, 1, 25), D(2025, 3, 7)));
    }

    [Fact]
    public void The_last_day_ends_the_series_and_nothing_is_given_before_the_first()
    {
        var pattern = Weekly(1, DayOfWeek.Monday);

        Assert.Equal([D(2025, 1, 6), D(2025, 1, 13), D(2025, 1, 20)], Dates(pattern, D(2025, 1, 6), D(2025, 1, 20), D(2024, 1, 1), D(2026, 1, 1)));
        Assert.Empty(Dates(pattern, D(2025, 1, 6), D(2025, 1, 20), D(2025, 1, 21), D(2025, 3, 1)));
        Assert.Empty(Dates(pattern, D(2025, 3, 1), null, D(2025, 1, 1), D(2025, 2, 28)));
    }

    [Fact]
    public void Monthly_on_the_31st_falls_on_the_last_day_of_shorter_months_including_a_leap_february()
    {
        var pattern = new RecurrencePattern { Kind = RecurrenceKind.MonthlyByDay, DayOfMonth = 31 };

        Assert.Equal([D(2025, 1, 31), D(2025, 2, 28), D(2025, 3, 31), D(2025, 4, 30)], Dates(pattern, D(2025, 1, 1), null, D(2025, 1, 1), D(2025, 4, 30)));
        Assert.Equal([D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31)], Dates(pattern, D(2024, 1, 1), null, D(2024, 1, 1), D(2024, 3, 31)));
    }

    [Fact]
    public void Monthly_by_day_starts_next_month_when_the_first_day_is_past_it()
    {
        var pattern = new RecurrencePattern { Kind = RecurrenceKind.MonthlyByDay, DayOfMonth = 10 };

        Assert.Equal([D(2025, 2, 10), D(2025, 3, 10)], Dates(pattern, D(2025, 1, 11), D(2025, 3, 10), D(2025, 1, 1), D(2025, 12, 31)));
    }

    [Fact]
    public void Monthly_on_the_nth_weekday()
    {
        var secondTuesday = new RecurrencePattern { Kind = RecurrenceKind.MonthlyByWeekday, WeekOfMonth = 2, Weekday = DayOfWeek.Tuesday };
        var firstMonday = new RecurrencePattern { Kind = RecurrenceKind.MonthlyByWeekday, WeekOfMonth = 1, Weekday = DayOfWeek.Monday };

        Assert.Equal([D(2025, 1, 14), D(2025, 2, 11), D(2025, 3, 11)], Dates(secondTuesday, D(2025, 1, 1), null, D(2025, 1, 1), D(2025, 3, 31)));
        Assert.Equal([D(2025, 9, 1), D(2025, 10, 6)], Dates(firstMonday, D(2025, 9, 1), null, D(2025, 9, 1), D(2025, 10, 31)));
    }

    [Fact]
    public void Monthly_on_the_last_weekday_including_a_leap_february()
    {
        var lastFriday = new RecurrencePattern { Kind = RecurrenceKind.MonthlyByWeekday, WeekOfMonth = -1, Weekday = DayOfWeek.Friday };
        var lastThursday = new RecurrencePattern { Kind = RecurrenceKind.MonthlyByWeekday, WeekOfMonth = -1, Weekday = DayOfWeek.Thursday };

        Assert.Equal([D(2025, 1, 31), D(2025, 2, 28), D(2025, 3, 28)], Dates(lastFriday, D(2025, 1, 1), null, D(2025, 1, 1), D(2025, 3, 31)));
        Assert.Equal([D(2024, 2, 29)], Dates(lastThursday, D(2024, 2, 1), null, D(2024, 2, 1), D(2024, 2, 29)));
    }

    [Fact]
    public void A_fifth_weekday_skips_the_months_that_have_none()
    {
        var fifthThursday = new RecurrencePattern { Kind = RecurrenceKind.MonthlyByWeekday, WeekOfMonth = 5, Weekday = DayOfWeek.Thursday };

        Assert.Equal([D(2025, 1, 30), D(2025, 5, 29), D(2025, 7, 31), D(2025, 10, 30)],
            Dates(fifthThursday, D(2025, 1, 1), null, D(2025, 1, 1), D(2025, 12, 31)));
    }

    [Fact]
    public void Explicit_dates_are_sorted_without_repeats_and_kept_within_the_series_and_the_range()
    {
        var pattern = new RecurrencePattern
        {
            Kind = RecurrenceKind.Dates,
            Dates = [D(2025, 5, 20), D(2025, 3, 1), D(2025, 4, 15), D(2025, 3, 1), D(2025, 7, 4), D(2025, 1, 2)],
        };

        Assert.Equal([D(2025, 3, 1), D(2025, 4, 15), D(2025, 5, 20)], Dates(pattern, D(2025, 2, 1), D(2025, 6, 30), D(2025, 1, 1), D(2025, 12, 31)));
        Assert.Equal([D(2025, 4, 15)], Dates(pattern, D(2025, 2, 1), D(2025, 6, 30), D(2025, 3, 2), D(2025, 5, 19)));
    }

    [Fact]
    public void Includes_answers_for_one_date()
    {
        var pattern = Weekly(2, DayOfWeek.Monday);

        Assert.True(Recurrence.Includes(pattern, D(2025, 1, 1), null, D(2025, 1, 13)));
        Assert.False(Recurrence.Includes(pattern, D(2025, 1, 1), null, D(2025, 1, 20)));
        Assert.False(Recurrence.Includes(pattern, D(2025, 1, 1), D(2025, 1, 20), D(2025, 1, 27)));
    }

    [Fact]
    public void Patterns_the_api_refuses_are_refused_here_too_rather_than_guessed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Dates(Weekly(0, DayOfWeek.Monday), D(2025, 1, 1), null, D(2025, 1, 1), D(2025, 2, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dates(new RecurrencePattern { Kind = RecurrenceKind.MonthlyByDay, DayOfMonth = 0 },
            D(2025, 1, 1), null, D(2025, 1, 1), D(2025, 2, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dates(new RecurrencePattern { Kind = RecurrenceKind.MonthlyByWeekday, WeekOfMonth = 6 },
            D(2025, 1, 1), null, D(2025, 1, 1), D(2025, 2, 1)));
    }

    [Fact]
    public void A_series_time_is_read_on_the_tenants_clock_across_daylight_saving_changes()
    {
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

        Assert.Equal(new DateTimeOffset(2025, 1, 15, 15, 0, 0, TimeSpan.Zero), SeriesScheduler.StartInstant(chicago, D(2025, 1, 15), new TimeOnly(9, 0)));
        Assert.Equal(new DateTimeOffset(2025, 7, 15, 14, 0, 0, TimeSpan.Zero), SeriesScheduler.StartInstant(chicago, D(2025, 7, 15), new TimeOnly(9, 0)));
        // 02:30 does not exist on the spring-forward day: the first valid instant after it is the jump, 03:00 CDT.
        Assert.Equal(new DateTimeOffset(2025, 3, 9, 8, 0, 0, TimeSpan.Zero), SeriesScheduler.StartInstant(chicago, D(2025, 3, 9), new TimeOnly(2, 30)));
        // 01:30 happens twice on the fall-back day: the first, still on daylight time.
        Assert.Equal(new DateTimeOffset(2025, 11, 2, 6, 30, 0, TimeSpan.Zero), SeriesScheduler.StartInstant(chicago, D(2025, 11, 2), new TimeOnly(1, 30)));
    }

    [Fact]
    public void The_api_pattern_is_read_with_every_problem_named()
    {
        var today = D(2025, 6, 1);
        var errors = new Dictionary<string, string[]>();

        Assert.Null(new RecurrencePatternDto("weekly", IntervalWeeks: 13, Weekdays: []).ToPattern(today, errors));
        Assert.Equal(["pattern.intervalWeeks", "pattern.weekdays"], errors.Keys.Order(StringComparer.Ordinal));

        errors.Clear();
        Assert.Null(new RecurrencePatternDto("monthly_by_weekday", WeekOfMonth: 0, Weekday: "funday").ToPattern(today, errors));
        Assert.Equal(["pattern.weekOfMonth", "pattern.weekday"], errors.Keys.Order(StringComparer.Ordinal));

        errors.Clear();
        Assert.Null(new RecurrencePatternDto("dates", Dates: [today.AddYears(2).AddDays(1)]).ToPattern(today, errors));
        Assert.Null(new RecurrencePatternDto("fortnightly").ToPattern(today, errors));
        Assert.Equal(["pattern.dates", "pattern.kind"], errors.Keys.Order(StringComparer.Ordinal));

        errors.Clear();
        var weekly = new RecurrencePatternDto("weekly", Weekdays: ["friday", "monday", "friday"]).ToPattern(today, errors);
        Assert.Empty(errors);
        Assert.Equal(1, weekly!.IntervalWeeks);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], weekly.Weekdays);
        var written = RecurrencePatternDto.From(weekly);
        Assert.Equal(("weekly", 1), (written.Kind, written.IntervalWeeks));
        Assert.Equal(["monday", "friday"], written.Weekdays!);
    }
}
