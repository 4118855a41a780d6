using ServicePro.Host.Scheduling;
using ServicePro.Host.Tenancy;
using static ServicePro.Tests.Scheduling.Scenario;

namespace ServicePro.Tests.Scheduling;

public sealed class AvailabilityEngineTests
{
    [Fact]
    public void A_plain_weekday_offers_every_half_hour_from_opening_until_the_job_no_longer_fits()
    {
        var slots = AvailabilityEngine.FindOpenSlots(Query(Rules(), Monday), [Technician(Alice)]);

        Assert.Equal(Every(30, "09:00", "14:00"), LocalTimes(slots));
        Assert.Equal(new DateTimeOffset(2026, 6, 15, 14, 0, 0, TimeSpan.Zero), slots[0].StartUtc); // 09:00 CDT
        Assert.Equal(TimeSpan.Zero, slots[0].StartUtc.Offset);
        Assert.Equal(new DateTime(2026, 6, 15, 9, 0, 0), slots[0].LocalStart);
        Assert.All(slots, s => Assert.Equal([Alice], s.Technicians));
    }

    [Fact]
    public void Hourly_steps_without_half_hour_increments()
    {
        var slots = AvailabilityEngine.FindOpenSlots(Query(Rules() with { SlotStepMinutes = 60 }, Monday), [Technician(Alice)]);

        Assert.Equal(["09:00", "10:00", "11:00", "12:00", "13:00", "14:00"], LocalTimes(slots));
    }

    [Fact]
    public void No_job_overlaps_lunch()
    {
        var rules = Rules() with { LunchBreakEnabled = true, LunchStart = T("12:00"), LunchMinutes = 60 };

        var slots = AvailabilityEngine.FindOpenSlots(Query(rules, Monday), [Technician(Alice)]);

        Assert.Equal(["09:00", "09:30", "10:00", "10:30", "11:00", "13:00", "13:30", "14:00"], LocalTimes(slots));
    }

    [Fact]
    public void The_buffer_follows_an_existing_appointment()
    {
        var technician = Technician(Alice, appointments: [Between(Monday, "10:00", "11:00")]);

        var slots = AvailabilityEngine.FindOpenSlots(Query(Rules() with { BufferMinutes = 30 }, Monday, duration: 60), [technician]);

        // 09:00 would end at 10:00, leaving no buffer before the appointment; after it, 11:30 at the earliest.
        Assert.Equal(Every(30, "11:30", "14:00"), LocalTimes(slots));
    }

    [Fact]
    public void The_new_job_leaves_the_buffer_before_the_next_appointment()
    {
        var technician = Technician(Alice, appointments: [Between(Monday, "13:00", "14:00")]);

        var slots = AvailabilityEngine.FindOpenSlots(Query(Rules() with { BufferMinutes = 30 }, Monday, duration: 60), [technician]);

        // 11:30 ends at 12:30, exactly the buffer before 13:00; 12:00 would end at 13:00.
        Assert.Equal(Every(30, "09:00", "11:30"), LocalTimes(slots));
    }

    [Fact]
    public void Without_a_buffer_a_job_may_end_when_the_next_appointment_starts()
    {
        var technician = Technician(Alice, appointments: [Between(Monday, "11:00", "12:00")]);

        var slots = AvailabilityEngine.FindOpenSlots(Query(Rules(), Monday), [technician]);

        Assert.Equal(["09:00", "09:30", "10:00", "12:00", "12:30", "13:00", "13:30", "14:00"], LocalTimes(slots));
    }

    [Fact]
    public void Starts_honour_the_minimum_notice()
    {
        var now = At(Monday, "08:10").AddSeconds(20);

        var slots = AvailabilityEngine.FindOpenSlots(Query(Rules() with { MinimumNoticeHours = 2 }, Monday, now: now), [Technician(Alice)]);

        Assert.Equal("10:30", LocalTimes(slots)[0]); // now + 2 h = 10:10:20
    }

    [Fact]
    public void A_start_exactly_at_the_notice_limit_is_allowed()
    {
        var slots = AvailabilityEngine.FindOpenSlots(
            Query(Rules() with { MinimumNoticeHours = 24 }, Monday, now: At(Monday.AddDays(-1), "10:00")), [Technician(Alice)]);

        Assert.Equal("10:00", LocalTimes(slots)[0]);
    }

    [Fact]
    public void A_start_a_second_short_of_the_notice_limit_is_not()
    {
        var slots = AvailabilityEngine.FindOpenSlots(
            Query(Rules() with { MinimumNoticeHours = 24 }, Monday, now: At(Monday.AddDays(-1), "10:00").AddSeconds(1)), [Technician(Alice)]);

        Assert.Equal("10:30", LocalTimes(slots)[0]);
    }

    [Fact]
    public void Weekends_are_off_unless_weekend_bookings_are_allowed_even_when_hours_say_open()
    {
        var saturday = new DateOnly(2026, 6, 20);
        var sunday = saturday.AddDays(1);

        var off = AvailabilityEngine.FindOpenSlots(Query(Rules() with { AllowWeekendBookings = false }, saturday, sunday), [Technician(Alice)]);
        var on = AvailabilityEngine.FindOpenSlots(Query(Rules() with { AllowWeekendBookings = true }, saturday, sunday), [Technician(Alice)]);

        Assert.Empty(off);
        Assert.Equal(22, on.Count);
        Assert.Equal([saturday, sunday], on.Select(s => DateOnly.FromDateTime(s.LocalStart)).Distinct());
    }

    [Fact]
    public void Time_off_blocks_the_technician()
    {
        var technician = Technician(Alice, timeOff: [new InstantRange(At(Monday.AddDays(-3), "00:00"), At(Monday, "12:00"))]);

        var slots = AvailabilityEngine.FindOpenSlots(Query(Rules(), Monday), [technician]);

        Assert.Equal(Every(30, "12:00", "14:00"), LocalTimes(slots));
    }

    [Fact]
    public void A_job_must_fit_within_a_shift()
    {
        var slots = AvailabilityEngine.FindOpenSlots(Query(Rules(), Monday), [Technician(Alice, "10:00", "13:00")]);

        Assert.Equal(Every(30, "10:00", "12:00"), LocalTimes(slots));
    }

    [Fact]
    public void Touching_shifts_join_up_and_a_gap_between_shifts_is_not_worked()
    {
        IReadOnlyList<LocalTimeRange> split = [Range("12:00", "13:00"), Range("09:00", "12:00"), Range("13:30", "15:00")];
        var technician = new TechnicianSchedule(Alice, new Dictionary<DayOfWeek, IReadOnlyList<LocalTimeRange>> { [DayOfWeek.Monday] = split }, [], []);

        var slots = AvailabilityEngine.FindOpenSlots(Query(Rules(), Monday, duration: 90), [technician]);

        Assert.Equal(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "13:30"], LocalTimes(slots));
    }

    [Fact]
    public void Each_slot_lists_the_technicians_free_then_and_the_filter_keeps_only_one()
    {
        var alice = Technician(Alice, appointments: [Between(Monday, "09:00", "12:00")]);
        var bob = Technician(Bob, appointments: [Between(Monday, "13:00", "15:00")]);

        var everyone = AvailabilityEngine.FindOpenSlots(Query(Rules(), Monday), [alice, bob]);
        var onlyAlice = AvailabilityEngine.FindOpenSlots(Query(Rules(), Monday) with { TechnicianId = Alice }, [alice, bob]);
        var nobody = AvailabilityEngine.FindOpenSlots(Query(Rules(), Monday) with { TechnicianId = Guid.NewGuid() }, [alice, bob]);

        Assert.Equal([Bob], everyone.Single(s => s.LocalStart.Hour == 9 && s.LocalStart.Minute == 0).Technicians);
        Assert.Equal([Alice, Bob], everyone.Single(s => s.LocalStart.Hour == 12 && s.LocalStart.Minute == 0).Technicians);
        Assert.Equal([Alice], everyone.Single(s => s.LocalStart.Hour == 14).Technicians);
        Assert.Equal(Every(30, "12:00", "14:00"), LocalTimes(onlyAlice));
        Assert.All(onlyAlice, s => Assert.Equal([Alice], s.Technicians));
        Assert.Empty(nobody);
    }

    [Fact]
    public void A_closed_day_offers_nothing()
    {
        var hours = EveryDay("09:00", "15:00");
        hours.Remove(DayOfWeek.Monday);

        var slots = AvailabilityEngine.FindOpenSlots(Query(Rules() with { BusinessHours = hours }, Monday, Monday.AddDays(1)), [Technician(Alice)]);

        Assert.All(slots, s => Assert.Equal(DayOfWeek.Tuesday, s.LocalStart.DayOfWeek));
        Assert.Equal(11, slots.Count);
    }

    [Fact]
    public void A_job_longer_than_the_day_fits_nowhere()
    {
        var slots = AvailabilityEngine.FindOpenSlots(Query(Rules(), Monday, Monday.AddDays(6), duration: 6 * 60 + 1), [Technician(Alice)]);

        Assert.Empty(slots);
    }

    [Fact]
    public void Several_days_come_in_time_order()
    {
        var slots = AvailabilityEngine.FindOpenSlots(Query(Rules(), Monday, Monday.AddDays(4)), [Technician(Alice)]);

        Assert.Equal(5 * 11, slots.Count);
        Assert.Equal(slots.OrderBy(s => s.StartUtc), slots);
    }

    [Fact]
    public void Bad_queries_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AvailabilityEngine.FindOpenSlots(Query(Rules(), Monday, duration: 0), [Technician(Alice)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => AvailabilityEngine.FindOpenSlots(Query(Rules() with { SlotStepMinutes = 0 }, Monday), [Technician(Alice)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => AvailabilityEngine.FindOpenSlots(Query(Rules(), Monday, Monday.AddDays(AvailabilityEngine.MaxDays)), [Technician(Alice)]));
        Assert.Throws<TimeZoneNotFoundException>(() => AvailabilityEngine.FindOpenSlots(Query(Rules(), Monday, zone: "Nowhere/Special"), [Technician(Alice)]));
        Assert.Empty(AvailabilityEngine.FindOpenSlots(Query(Rules(), Monday, Monday.AddDays(-1)), [Technician(Alice)]));
    }

    [Fact]
    public void Rules_come_from_the_tenants_settings()
    {
        var settings = new TenantSettings
        {
            SchedulerConfig = new SchedulerConfig { HalfHourIncrements = false, LunchTime = "12:30", BufferMinutes = 45, MinimumNoticeHours = 12 },
        };
        settings.BusinessHours["tuesday"] = new BusinessDay("07:30", "18:00", Closed: false);

        var rules = SchedulingRules.FromTenantSettings(settings);

        Assert.Equal(Range("09:00", "15:00"), rules.BusinessHours[DayOfWeek.Monday]);
        Assert.Equal(Range("07:30", "18:00"), rules.BusinessHours[DayOfWeek.Tuesday]);
        Assert.False(rules.BusinessHours.ContainsKey(DayOfWeek.Saturday));
        Assert.False(rules.BusinessHours.ContainsKey(DayOfWeek.Sunday));
        Assert.Equal(60, rules.SlotStepMinutes);
        Assert.Equal(12, rules.MinimumNoticeHours);
        Assert.False(rules.AllowWeekendBookings);
        Assert.True(rules.LunchBreakEnabled);
        Assert.Equal(T("12:30"), rules.LunchStart);
        Assert.Equal(60, rules.LunchMinutes);
        Assert.Equal(45, rules.BufferMinutes);
    }

    [Fact]
    public void The_seed_defaults_give_half_hour_steps_on_weekdays()
    {
        var rules = SchedulingRules.FromTenantSettings(new TenantSettings());

        Assert.Equal(30, rules.SlotStepMinutes);
        Assert.Equal(5, rules.BusinessHours.Count);
        Assert.Throws<FormatException>(() => SchedulingRules.FromTenantSettings(new TenantSettings
        {
            SchedulerConfig = new SchedulerConfig { LunchTime = "noon" },
        }));
    }
}
