using ServicePro.Host.Scheduling;
using static ServicePro.Tests.Scheduling.Scenario;

namespace ServicePro.Tests.Scheduling;

/// <summary>
/// Daylight-saving days and other zones. In 2026 Chicago springs forward on Sunday 8 March (02:00 CST → 03:00
/// CDT, at 08:00Z) and falls back on Sunday 1 November (02:00 CDT → 01:00 CST, at 07:00Z); London springs
/// forward on 29 March (01:00 GMT → 02:00 BST); Sydney falls back on 5 April (03:00 AEDT → 02:00 AEST) and
/// springs forward on 4 October.
/// </summary>
public sealed class AvailabilityTimeZoneTests
{
    private static readonly DateOnly SpringForward = new(2026, 3, 8);
    private static readonly DateOnly FallBack = new(2026, 11, 1);

    private static IReadOnlyList<AvailableSlot> Find(SchedulingRules rules, DateOnly date, string zone = Chicago, int duration = 60, TechnicianSchedule? technician = null) =>
        AvailabilityEngine.FindOpenSlots(Query(rules, date, duration: duration, zone: zone), [technician ?? Technician(Alice)]);

    [Fact]
    public void Spring_forward_day_daytime_hours_are_on_daylight_time()
    {
        var before = Find(Rules(), SpringForward.AddDays(-1));
        var on = Find(Rules(), SpringForward);

        Assert.Equal(11, before.Count);
        Assert.Equal(11, on.Count);
        Assert.Equal("2026-03-07T15:00Z", UtcTimes(before)[0]); // 09:00 CST, UTC−6
        Assert.Equal("2026-03-08T14:00Z", UtcTimes(on)[0]);     // 09:00 CDT, UTC−5
        Assert.Equal("2026-03-08T19:00Z", UtcTimes(on)[^1]);    // 14:00 CDT
        Assert.Equal(Every(30, "09:00", "14:00"), LocalTimes(on));
    }

    [Fact]
    public void Fall_back_day_daytime_hours_are_on_standard_time()
    {
        var before = Find(Rules(), FallBack.AddDays(-1));
        var on = Find(Rules(), FallBack);

        Assert.Equal(11, before.Count);
        Assert.Equal(11, on.Count);
        Assert.Equal("2026-10-31T14:00Z", UtcTimes(before)[0]); // 09:00 CDT, UTC−5
        Assert.Equal("2026-11-01T15:00Z", UtcTimes(on)[0]);     // 09:00 CST, UTC−6
        Assert.Equal(Every(30, "09:00", "14:00"), LocalTimes(on));
    }

    /// <summary>Hours 01:00–04:00 last two real hours: 02:00 and 02:30 do not exist, and 04:00 CDT is 09:00Z.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Spring_forward_night_skips_the_missing_hour(bool nightShift)
    {
        // Either the business is open 01:00–04:00, or it is open 00:00–06:00 and the technician works 01:00–04:00.
        var rules = nightShift ? Rules("00:00", "06:00") : Rules("01:00", "04:00");
        var technician = nightShift ? Technician(Alice, "01:00", "04:00") : null;

        var slots = Find(rules, SpringForward, technician: technician);

        Assert.Equal(["01:00", "01:30", "03:00"], LocalTimes(slots));
        Assert.Equal(["2026-03-08T07:00Z", "2026-03-08T07:30Z", "2026-03-08T08:00Z"], UtcTimes(slots));
    }

    /// <summary>
    /// Hours 01:00–04:00 last four real hours: 01:00 is its first (CDT) occurrence and 04:00 is CST. Starts in the
    /// repeated hour are offered once, on CDT; 01:00 and 01:30 CST are not offered.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fall_back_night_offers_the_repeated_hour_once_and_counts_real_minutes(bool nightShift)
    {
        var rules = nightShift ? Rules("00:00", "06:00") : Rules("01:00", "04:00");
        var technician = nightShift ? Technician(Alice, "01:00", "04:00") : null;

        var slots = Find(rules, FallBack, technician: technician);

        Assert.Equal(["01:00", "01:30", "02:00", "02:30", "03:00"], LocalTimes(slots));
        Assert.Equal(["2026-11-01T06:00Z", "2026-11-01T06:30Z", "2026-11-01T08:00Z", "2026-11-01T08:30Z", "2026-11-01T09:00Z"], UtcTimes(slots));
    }

    [Fact]
    public void Shifts_either_side_of_the_missing_hour_join_up()
    {
        // 00:00–02:00 CST and 03:00–05:00 CDT are 06:00Z–08:00Z and 08:00Z–10:00Z: one stretch of work.
        IReadOnlyList<LocalTimeRange> night = [Range("00:00", "02:00"), Range("03:00", "05:00")];
        var technician = new TechnicianSchedule(Alice, new Dictionary<DayOfWeek, IReadOnlyList<LocalTimeRange>> { [DayOfWeek.Sunday] = night }, [], []);

        var slots = Find(Rules("00:00", "06:00"), SpringForward, duration: 120, technician: technician);

        Assert.Equal(["00:00", "00:30", "01:00", "01:30", "03:00"], LocalTimes(slots));
    }

    [Fact]
    public void A_job_across_the_fall_back_lasts_its_real_minutes()
    {
        // Open 00:00–03:00 on the clock, which is 05:00Z–09:00Z. A two-hour job from 01:30 CDT (06:30Z) ends at
        // 08:30Z, 02:30 CST: it fits, though 01:30 + 2 h on the clock would be 03:30.
        var slots = Find(Rules("00:00", "03:00"), FallBack, duration: 120);

        Assert.Equal(["00:00", "00:30", "01:00", "01:30"], LocalTimes(slots));
    }

    [Fact]
    public void An_appointment_in_the_second_occurrence_of_the_repeated_hour_blocks_real_time_only()
    {
        // Booked 01:00–02:00 CST (07:00Z–08:00Z): the CDT hour before it is still free.
        var booked = new InstantRange(new DateTimeOffset(2026, 11, 1, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));

        var slots = Find(Rules("01:00", "04:00"), FallBack, technician: Technician(Alice, appointments: [booked]));

        Assert.Equal(["2026-11-01T06:00Z", "2026-11-01T08:00Z", "2026-11-01T08:30Z", "2026-11-01T09:00Z"], UtcTimes(slots));
    }

    [Fact]
    public void London_spring_forward_night()
    {
        // 01:00 GMT → 02:00 BST: 01:00 and 01:30 do not exist; 03:00 BST is 02:00Z.
        var slots = Find(Rules("00:00", "03:00"), new DateOnly(2026, 3, 29), "Europe/London", duration: 30);

        Assert.Equal(["00:00", "00:30", "02:00", "02:30"], LocalTimes(slots));
        Assert.Equal(["2026-03-29T00:00Z", "2026-03-29T00:30Z", "2026-03-29T01:00Z", "2026-03-29T01:30Z"], UtcTimes(slots));
        Assert.Equal("2026-03-30T08:00Z", UtcTimes(Find(Rules(), new DateOnly(2026, 3, 30), "Europe/London"))[0]); // 09:00 BST
    }

    [Fact]
    public void Sydney_fall_back_night_and_spring_forward_daytime()
    {
        // 03:00 AEDT → 02:00 AEST at 16:00Z on 4 April: 02:00 and 02:30 happen twice (first on AEDT, UTC+11).
        var night = Find(Rules("02:00", "04:00"), new DateOnly(2026, 4, 5), "Australia/Sydney");
        var before = Find(Rules(), new DateOnly(2026, 10, 3), "Australia/Sydney");
        var after = Find(Rules(), new DateOnly(2026, 10, 5), "Australia/Sydney");

        Assert.Equal(["02:00", "02:30", "03:00"], LocalTimes(night));
        Assert.Equal(["2026-04-04T15:00Z", "2026-04-04T15:30Z", "2026-04-04T17:00Z"], UtcTimes(night));
        Assert.Equal("2026-10-02T23:00Z", UtcTimes(before)[0]); // 09:00 AEST, UTC+10
        Assert.Equal("2026-10-04T22:00Z", UtcTimes(after)[0]);  // 09:00 AEDT, UTC+11
    }

    [Fact]
    public void A_half_hour_offset_zone()
    {
        var slots = Find(Rules(), Monday, "Asia/Kolkata");

        Assert.Equal(Every(30, "09:00", "14:00"), LocalTimes(slots));
        Assert.Equal("2026-06-15T03:30Z", UtcTimes(slots)[0]); // UTC+05:30
        Assert.Equal(new DateTime(2026, 6, 15, 9, 0, 0), slots[0].LocalStart);
    }

    [Fact]
    public void A_search_across_the_change_uses_each_days_own_offset()
    {
        var slots = AvailabilityEngine.FindOpenSlots(
            Query(Rules(), SpringForward.AddDays(-1), SpringForward.AddDays(1), duration: 360), [Technician(Alice)]);

        Assert.Equal(["2026-03-07T15:00Z", "2026-03-08T14:00Z", "2026-03-09T14:00Z"], UtcTimes(slots));
    }
}
