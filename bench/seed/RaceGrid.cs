using ServicePro.Host.Scheduling;

namespace ServicePro.Bench.Seed;

/// <summary>One open time in the race grid, as both contended-booking endpoints are asked for it.</summary>
public sealed record RaceSlot(string Slug, Guid TechnicianId, Guid CustomerId, Guid ServiceId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>
/// The times the contended-booking rounds fight over: for each race tenant's technicians, on weekdays after the seeded
/// appointments, as many one-service jobs as fit in a day, chosen so that booking every one of them leaves the next
/// still open. Each is picked by the availability engine itself, with the earlier picks booked, so the real booking
/// endpoint accepts the first request for each time and refuses the rest.
/// </summary>
public static class RaceGrid
{
    /// <summary>Days between the last seeded appointment and the first race day; zones behind UTC end their days later.</summary>
    private const int Margin = 7;

    public static List<RaceSlot> Build(
        IReadOnlyList<TenantPlan> tenants, Guid raceTemplate, SchedulingRules rules, DateTimeOffset now, int seededDays, int weekdays)
    {
        var shifts = FleetSeeder.WorkingDays.ToDictionary(
            d => d, IReadOnlyList<LocalTimeRange> (_) => [new LocalTimeRange(FleetSeeder.ShiftStart, FleetSeeder.ShiftEnd)]);
        var dates = Enumerable.Range(seededDays + Margin, int.MaxValue - seededDays - Margin)
            .Select(d => DateOnly.FromDateTime(now.UtcDateTime).AddDays(d))
            .Where(d => FleetSeeder.WorkingDays.Contains(d.DayOfWeek))
            .Take(weekdays);

        var grid = new List<RaceSlot>();
        foreach (var date in dates)
        {
            // Day by day, and within a day time by time across all the race technicians: consecutive entries are
            // different technicians at about the same hour, as on a busy morning.
            var days = tenants.SelectMany(t => t.Technicians.Select(tech => Day(t, tech, raceTemplate, shifts, rules, now, date))).ToList();
            for (var k = 0; days.Any(d => k < d.Count); k++)
            {
                grid.AddRange(days.Where(d => k < d.Count).Select(d => d[k]));
            }
        }

        return grid;
    }

    private static List<RaceSlot> Day(
        TenantPlan tenant, TechnicianPlan technician, Guid raceTemplate, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<LocalTimeRange>> shifts,
        SchedulingRules rules, DateTimeOffset now, DateOnly date)
    {
        var service = tenant.Services.Single(s => s.TemplateId == raceTemplate);
        var customers = tenant.Customers;
        var booked = new List<InstantRange>();
        var slots = new List<RaceSlot>();
        var query = new AvailabilityQuery(tenant.Zone, date, date, now, service.DurationMinutes, rules) { TechnicianId = technician.Id };
        while (AvailabilityEngine.FindOpenSlots(query, [new TechnicianSchedule(technician.Id, shifts, [], booked)]) is [var first, ..])
        {
            var end = first.StartUtc.AddMinutes(service.DurationMinutes);
            booked.Add(new InstantRange(first.StartUtc, end));
            slots.Add(new RaceSlot(tenant.Slug, technician.Id, customers[slots.Count % customers.Count].Id, service.Id, first.StartUtc, end));
        }

        return slots;
    }
}
