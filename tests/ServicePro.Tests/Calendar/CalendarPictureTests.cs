using ServicePro.Host.Bookings;
using ServicePro.Host.Calendar.Pages;
using ServicePro.Host.Scheduling;

namespace ServicePro.Tests.Calendar;

/// <summary>The calendar's layout without a browser: where blocks, lanes, shading and the now line go.</summary>
public sealed class CalendarPictureTests
{
    private static readonly TimeZoneInfo Chicago = CalendarSeed.Chicago;
    private static readonly CalendarTechnician Alex = new(Guid.NewGuid(), "Alex", "#0f766e");

    /// <summary>Open 08:00–18:00 every day, no lunch: a ten-hour axis.</summary>
    private static readonly SchedulingRules OpenEveryDay = new()
    {
        BusinessHours = Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => new LocalTimeRange(new TimeOnly(8, 0), new TimeOnly(18, 0))),
        AllowWeekendBookings = true,
    };

    private static readonly CalendarShift[] AlwaysOnShift =
        Enum.GetValues<DayOfWeek>().Select(d => new CalendarShift(Alex.Id, d, new TimeOnly(8, 0), new TimeOnly(18, 0))).ToArray();

    [Theory]
    [InlineData("2026-11-01")] // fall back: 25 hours long
    [InlineData("2027-03-14")] // spring forward: 23 hours long
    [InlineData("2027-06-15")]
    public void A_job_sits_at_its_wall_clock_time_on_daylight_saving_days(string date)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var job = Job(day, 10, 0, 90);

        var (axis, columns) = Build(day, [job]);

        var block = Assert.Single(Assert.Single(columns).Blocks);
        Assert.Equal((8 * 60, 18 * 60), (axis.StartMinute, axis.EndMinute));
        Assert.Equal(20, block.Top, 6);
        Assert.Equal(15, block.Height, 6);
        Assert.Equal("10:00 – 11:30 AM", block.TimeRange);
    }

    [Fact]
    public void Jobs_that_overlap_share_the_width_in_lanes_and_the_others_keep_it_whole()
    {
        var day = new DateOnly(2027, 6, 15);
        var (_, columns) = Build(day, [Job(day, 9, 0, 120), Job(day, 10, 0, 60), Job(day, 13, 0, 60)]);

        var lanes = Assert.Single(columns).Blocks.Select(b => (b.Lane, b.Lanes)).ToList();
        Assert.Equal([(0, 2), (1, 2), (0, 1)], lanes);
    }

    [Fact]
    public void Cancelled_jobs_and_no_shows_are_not_drawn_and_a_job_past_closing_widens_the_day()
    {
        var day = new DateOnly(2027, 6, 15);
        var (axis, columns) = Build(day,
            [Job(day, 9, 0, 60, BookingStatus.Cancelled), Job(day, 11, 0, 60, BookingStatus.NoShow), Job(day, 18, 30, 60, BookingStatus.Completed)]);

        var block = Assert.Single(Assert.Single(columns).Blocks);
        Assert.Equal(BookingStatus.Completed, block.Booking.Status);
        Assert.Equal(20 * 60, axis.EndMinute);
    }

    [Fact]
    public void Closed_hours_lunch_time_off_and_hours_off_shift_are_shaded_with_words()
    {
        var tuesday = new DateOnly(2027, 6, 15);
        var rules = new SchedulingRules
        {
            BusinessHours = new Dictionary<DayOfWeek, LocalTimeRange> { [DayOfWeek.Tuesday] = new(new TimeOnly(9, 0), new TimeOnly(15, 0)) },
            LunchBreakEnabled = true,
            LunchStart = new TimeOnly(12, 0),
            LunchMinutes = 30,
        };
        var shifts = new[] { new CalendarShift(Alex.Id, DayOfWeek.Tuesday, new TimeOnly(10, 0), new TimeOnly(14, 0)) };
        var timeOff = new[] { new CalendarTimeOff(Alex.Id, At(tuesday, 13, 0), At(tuesday, 14, 0), "Dentist") };

        var (axis, columns) = CalendarPicture.Build(new CalendarPictureInput(
            CalendarView.Week, Enumerable.Range(0, 7).Select(i => tuesday.AddDays(i - 1)).ToList(), [Alex], [], timeOff, shifts, rules, Chicago,
            At(tuesday, 11, 0)));

        Assert.Equal((9 * 60, 15 * 60), (axis.StartMinute, axis.EndMinute));
        var shades = columns[1].Shades.Select(s => (s.Kind, s.Label, Math.Round(s.Top, 2), Math.Round(s.Height, 2))).ToList();
        Assert.Equal(
        [
            (ShadeKind.OffShift, "Off shift", 0, 16.67),
            (ShadeKind.OffShift, "Off shift", 83.33, 16.67),
            (ShadeKind.Lunch, "Lunch 12:00 PM – 12:30 PM", 50, 8.33),
            (ShadeKind.TimeOff, "Time off: Dentist", 66.67, 16.67),
        ], shades);
        Assert.Equal((ShadeKind.Closed, "Closed all day"), (columns[0].Shades.Single().Kind, columns[0].Shades.Single().Label));
        Assert.Equal(33.33, Math.Round(columns[1].NowAt!.Value, 2));
        Assert.True(columns[1].IsToday);
        Assert.All(columns.Where(c => c.Date != tuesday), c => Assert.Null(c.NowAt));
    }

    private static (TimeAxis Axis, IReadOnlyList<CalendarColumn> Columns) Build(DateOnly day, IReadOnlyList<CalendarBooking> bookings) =>
        CalendarPicture.Build(new CalendarPictureInput(
            CalendarView.Day, [day], [Alex], bookings, [], AlwaysOnShift, OpenEveryDay, Chicago, At(day.AddDays(-3), 12, 0)));

    private static CalendarBooking Job(DateOnly day, int hour, int minute, int minutes, BookingStatus status = BookingStatus.Confirmed)
    {
        var start = At(day, hour, minute);
        return new CalendarBooking(Guid.NewGuid(), Alex.Id, start, start.AddMinutes(minutes), status, "Dana", "Mowing");
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), Chicago), TimeSpan.Zero);
}
