using System.Globalization;
using System.Text;
using ServicePro.Host.Scheduling;
using Xunit.Abstractions;

namespace ServicePro.Tests.Scheduling;

/// <summary>
/// The engine against <see cref="BruteForceAvailability"/> on random schedules: random zones (with daylight
/// saving in both hemispheres, half-hour offsets and a half-hour daylight shift), dates on and around their
/// transitions, night and day hours, shifts, lunch, buffer, step, notice, time off and appointments. Each case is
/// built from its own seed; a failure names it, and <see cref="One_case"/> replays it.
/// </summary>
public sealed class AvailabilityPropertyTests(ITestOutputHelper output)
{
    private const int Cases = 400;

    /// <summary>Zones, each with its 2026 transition days (local dates), so that most cases straddle one of their zone's.</summary>
    private static readonly (string Zone, DateOnly[] TransitionDays)[] Zones =
    [
        ("America/Chicago", [new(2026, 3, 8), new(2026, 11, 1)]),     // 02:00 → 03:00; 02:00 → 01:00
        ("Europe/London", [new(2026, 3, 29), new(2026, 10, 25)]),     // 01:00 → 02:00; 02:00 → 01:00
        ("Australia/Sydney", [new(2026, 4, 5), new(2026, 10, 4)]),    // 03:00 → 02:00; 02:00 → 03:00
        ("Australia/Lord_Howe", [new(2026, 4, 5), new(2026, 10, 4)]), // half-hour daylight shift: 02:00 → 01:30; 02:00 → 02:30
        ("America/St_Johns", [new(2026, 3, 8), new(2026, 11, 1)]),    // UTC−03:30 / −02:30
        ("Asia/Kolkata", []),                                         // UTC+05:30, no daylight saving
        ("UTC", []),
    ];

    [Fact]
    public void The_engine_agrees_with_the_brute_force_oracle_on_random_schedules()
    {
        var failures = new List<string>();
        var slotsSeen = 0;
        for (var seed = 1; seed <= Cases && failures.Count < 3; seed++)
        {
            var (query, technicians) = RandomCase(seed);
            var expected = BruteForceAvailability.FindOpenSlots(query, technicians);
            var actual = AvailabilityEngine.FindOpenSlots(query, technicians);
            slotsSeen += expected.Count;
            if (Difference(expected, actual) is { } difference)
            {
                failures.Add($"Case seed {seed} (replay with One_case({seed})): {difference}\n{Describe(query, technicians)}");
            }
        }

        output.WriteLine($"{Cases} cases, {slotsSeen} open slots in all.");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(slotsSeen > Cases, "the random cases should offer slots, or they test little");
    }

    [Theory]
    [InlineData(1)]
    public void One_case(int seed)
    {
        var (query, technicians) = RandomCase(seed);
        output.WriteLine(Describe(query, technicians));

        var expected = BruteForceAvailability.FindOpenSlots(query, technicians);
        var actual = AvailabilityEngine.FindOpenSlots(query, technicians);

        Assert.Null(Difference(expected, actual));
    }

    private static (AvailabilityQuery Query, List<TechnicianSchedule> Technicians) RandomCase(int seed)
    {
        var random = new Random(seed);
        var (zone, transitions) = Pick(random, Zones);
        DateOnly? transition = transitions.Length > 0 && random.Next(4) > 0 ? Pick(random, transitions) : null;
        var first = transition?.AddDays(-random.Next(3)) ?? new DateOnly(2026, 1, 1).AddDays(random.Next(365));
        var last = first.AddDays(random.Next(5));
        last = transition > last ? transition.Value : last;
        var origin = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        // Half the time the business is open through the small hours of the transition day (a Sunday), when the
        // clocks change.
        var hours = WeeklyHours(random);
        var openAtTheChange = transition is not null && random.Next(2) == 0;
        if (openAtTheChange)
        {
            hours[transition!.Value.DayOfWeek] = RandomRange(random, 0, 3 * 60, 60, 6 * 60);
        }

        var rules = new SchedulingRules
        {
            BusinessHours = hours,
            SlotStepMinutes = Pick(random, [15, 30, 30, 60, 45]),
            MinimumNoticeHours = random.Next(3) == 0 ? 0 : random.Next(49),
            AllowWeekendBookings = openAtTheChange || random.Next(3) > 0,
            LunchBreakEnabled = random.Next(2) == 0,
            LunchStart = MinuteOfDay(random.Next(3) == 0 ? random.Next(60, 240) : random.Next(600, 900) / 5 * 5),
            LunchMinutes = Pick(random, [30, 45, 60, 60, 90]),
            BufferMinutes = Pick(random, [0, 0, 15, 30, 45]),
        };

        var technicians = new List<TechnicianSchedule>();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            technicians.Add(RandomTechnician(random, origin, last.DayNumber - first.DayNumber + 1));
        }

        var now = RandomNow(random, zone, first, last, rules, origin);
        var duration = Pick(random, [30, 60, 90, 120, 180, 45, 240]) + (random.Next(4) == 0 ? random.Next(-10, 11) : 0);
        var query = new AvailabilityQuery(zone, first, last, now, duration, rules)
        {
            TechnicianId = random.Next(5) switch
            {
                0 => technicians[random.Next(technicians.Count)].Id,
                1 when random.Next(4) == 0 => RandomGuid(random), // nobody has it
                _ => null,
            },
        };

        return (query, technicians);
    }

    /// <summary>
    /// Mostly a little before the searched days. Otherwise chosen so that now + notice falls on a candidate start
    /// of one of the days, exactly or a few seconds either side, to test the limit.
    /// </summary>
    private static DateTimeOffset RandomNow(Random random, string zone, DateOnly first, DateOnly last, SchedulingRules rules, DateTimeOffset origin)
    {
        var day = first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));
        if (random.Next(5) < 3 || !rules.BusinessHours.TryGetValue(day.DayOfWeek, out var hours))
        {
            return origin.AddMinutes(-random.Next(4 * 1440)).AddSeconds(random.Next(60));
        }

        var limit = day.ToDateTime(hours.Start).AddMinutes(rules.SlotStepMinutes * random.Next(8));
        var limitInstant = new DateTimeOffset(limit, TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(limit));
        return limitInstant.AddHours(-rules.MinimumNoticeHours).AddSeconds(Pick(random, [0, 0, 1, 59, -1, -59]));
    }

    /// <summary>Hours per weekday: sometimes closed, often at night (across the small-hours transitions), otherwise by day.</summary>
    private static Dictionary<DayOfWeek, LocalTimeRange> WeeklyHours(Random random)
    {
        var hours = new Dictionary<DayOfWeek, LocalTimeRange>();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            if (random.Next(7) == 0)
            {
                continue;
            }

            hours[day] = random.Next(2) == 0 ? RandomRange(random, 0, 4 * 60, 60, 8 * 60) : RandomRange(random, 5 * 60, 12 * 60, 2 * 60, 12 * 60);
        }

        return hours;
    }

    private static TechnicianSchedule RandomTechnician(Random random, DateTimeOffset origin, int days)
    {
        var shifts = new Dictionary<DayOfWeek, IReadOnlyList<LocalTimeRange>>();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            shifts[day] = random.Next(8) switch
            {
                0 => [],
                1 or 2 => [new LocalTimeRange(TimeOnly.MinValue, new TimeOnly(23, 59))],
                3 => [RandomRange(random, 0, 10 * 60, 60, 12 * 60), RandomRange(random, 0, 20 * 60, 30, 6 * 60)],
                4 => NightSplitShift(random),
                5 => [RandomRange(random, 0, 3 * 60, 2 * 60, 8 * 60)],
                _ => [RandomRange(random, 4 * 60, 12 * 60, 2 * 60, 14 * 60)],
            };
        }

        var span = (days + 2) * 1440;
        InstantRange Around(int minLength, int maxLength)
        {
            var start = origin.AddMinutes(random.Next(-1440, span) / 5 * 5);
            return new InstantRange(start, start.AddMinutes(random.Next(minLength, maxLength) / 5 * 5));
        }

        var timeOff = Enumerable.Range(0, random.Next(3)).Select(_ => Around(60, 2 * 1440)).ToList();
        var appointments = Enumerable.Range(0, random.Next(12)).Select(_ => Around(15, 300)).ToList();
        return new TechnicianSchedule(RandomGuid(random), shifts, timeOff, appointments);
    }

    /// <summary>Two shifts with a short break (or none) in the small hours, where a spring-forward gap may swallow it.</summary>
    private static LocalTimeRange[] NightSplitShift(Random random)
    {
        var breakStart = random.Next(60, 200) / 5 * 5;
        var breakEnd = breakStart + random.Next(0, 70) / 5 * 5;
        return [new(MinuteOfDay(random.Next(0, 60)), MinuteOfDay(breakStart)), new(MinuteOfDay(breakEnd), MinuteOfDay(breakEnd + random.Next(60, 600)))];
    }

    private static LocalTimeRange RandomRange(Random random, int earliestStart, int latestStart, int minLength, int maxLength)
    {
        var start = random.Next(earliestStart, latestStart) / 5 * 5;
        var end = Math.Min(start + random.Next(minLength, maxLength) / 5 * 5, 23 * 60 + 59);
        return new LocalTimeRange(MinuteOfDay(start), MinuteOfDay(end));
    }

    private static Guid RandomGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static TimeOnly MinuteOfDay(int minutes) => new(minutes / 60, minutes % 60);

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    /// <summary>Null when both lists hold the same slots; otherwise the first slot where they differ.</summary>
    private static string? Difference(List<AvailableSlot> expected, IReadOnlyList<AvailableSlot> actual)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? Show(expected[i]) : "(none)";
            var a = i < actual.Count ? Show(actual[i]) : "(none)";
            if (e != a)
            {
                return $"slot {i}: oracle {e}, engine {a} ({expected.Count} vs {actual.Count} slots)";
            }
        }

        return null;
    }

    private static string Show(AvailableSlot slot) => string.Create(CultureInfo.InvariantCulture,
        $"{slot.StartUtc.UtcDateTime:yyyy-MM-dd HH:mm}Z = {slot.LocalStart:yyyy-MM-dd HH:mm} local [{string.Join(", ", slot.Technicians.Select(Short))}]");

    private static string Short(Guid id) => id.ToString()[..8];

    private static string Describe(AvailabilityQuery query, List<TechnicianSchedule> technicians)
    {
        var r = query.Rules;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"zone {query.TimeZoneId}, {query.FirstDate:yyyy-MM-dd}..{query.LastDate:yyyy-MM-dd}, now {query.Now:O}, duration {query.DurationMinutes}, only {(query.TechnicianId is { } id ? Short(id) : "-")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"hours {string.Join(", ", r.BusinessHours.OrderBy(h => h.Key).Select(h => $"{h.Key.ToString()[..3]} {h.Value.Start:HH:mm}-{h.Value.End:HH:mm}"))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"step {r.SlotStepMinutes}, notice {r.MinimumNoticeHours} h, weekends {r.AllowWeekendBookings}, lunch {(r.LunchBreakEnabled ? $"{r.LunchStart:HH:mm}+{r.LunchMinutes}" : "off")}, buffer {r.BufferMinutes}");
        foreach (var t in technicians)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"tech {Short(t.Id)}: shifts {string.Join("; ", t.WeeklyShifts.OrderBy(s => s.Key).Select(s => $"{s.Key.ToString()[..3]} {string.Join(" ", s.Value.Select(v => $"{v.Start:HH:mm}-{v.End:HH:mm}"))}"))}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  off {string.Join("; ", t.TimeOff.Select(Instants))}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  booked {string.Join("; ", t.Appointments.Select(Instants))}");
        }

        return text.ToString();
    }

    private static string Instants(InstantRange range) => string.Create(CultureInfo.InvariantCulture,
        $"{range.Start.UtcDateTime:MM-dd HH:mm}Z-{range.End.UtcDateTime:MM-dd HH:mm}Z");
}
