using ServicePro.Host.Scheduling;

namespace ServicePro.Bench.Availability;

/// <summary>A busy detailing business: open Monday to Saturday, most technicians on weekday day shifts, three or
/// four jobs a day each, a few days off.</summary>
internal static class Workload
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    public static SchedulingRules Rules { get; } = new()
    {
        BusinessHours = new Dictionary<DayOfWeek, LocalTimeRange>
        {
            [DayOfWeek.Monday] = Hours(8, 18),
            [DayOfWeek.Tuesday] = Hours(8, 18),
            [DayOfWeek.Wednesday] = Hours(8, 18),
            [DayOfWeek.Thursday] = Hours(8, 18),
            [DayOfWeek.Friday] = Hours(8, 18),
            [DayOfWeek.Saturday] = Hours(9, 15),
        },
        SlotStepMinutes = 30,
        MinimumNoticeHours = 24,
        AllowWeekendBookings = true,
        LunchBreakEnabled = true,
        LunchStart = new TimeOnly(12, 0),
        LunchMinutes = 60,
        BufferMinutes = 30,
    };

    public static List<TechnicianSchedule> Team(int size, DateOnly first, int days, int seed)
    {
        var random = new Random(seed);
        var team = new List<TechnicianSchedule>(size);
        for (var t = 0; t < size; t++)
        {
            var shifts = new Dictionary<DayOfWeek, IReadOnlyList<LocalTimeRange>>();
            foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
            {
                shifts[day] = t % 5 == 0 ? [Hours(7, 11), Hours(12, 16)] : [Hours(8 + t % 2, 17 + t % 2)];
            }

            if (t % 3 == 0)
            {
                shifts[DayOfWeek.Saturday] = [Hours(9, 15)];
            }

            var appointments = new List<InstantRange>();
            var timeOff = new List<InstantRange>();
            for (var d = 0; d < days; d++)
            {
                var date = first.AddDays(d);
                if (random.Next(20) == 0)
                {
                    timeOff.Add(new InstantRange(At(date, 0), At(date.AddDays(1), 0)));
                    continue;
                }

                // Three or four jobs of 1–3 hours through the day, back to back with the buffer between some.
                var minute = 8 * 60 + random.Next(0, 4) * 30;
                for (var job = random.Next(3, 5); job > 0 && minute < 17 * 60; job--)
                {
                    var length = random.Next(2, 7) * 30;
                    appointments.Add(new InstantRange(At(date, minute), At(date, minute + length)));
                    minute += length + 30 + random.Next(0, 3) * 30;
                }
            }

            team.Add(new TechnicianSchedule(new Guid(t + 1, 0, 0, new byte[8]), shifts, timeOff, appointments));
        }

        return team;
    }

    private static LocalTimeRange Hours(int from, int to) => new(new TimeOnly(from, 0), new TimeOnly(to, 0));

    private static DateTimeOffset At(DateOnly date, int minuteOfDay)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay);
        return new DateTimeOffset(local, Chicago.GetUtcOffset(local));
    }
}
