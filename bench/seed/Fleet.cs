using System.Globalization;
using ServicePro.Host.Bookings;

namespace ServicePro.Bench.Seed;

/// <summary>What was seeded, and the request lists bench/scheduling.sh's wrk scripts read (tab-separated, one request a line).</summary>
public sealed class Fleet(IReadOnlyList<TenantPlan> tenants, IReadOnlyList<RaceSlot> race, Random random)
{
    public string Summary
    {
        get
        {
            var bookings = tenants.Sum(t => t.Bookings.Count);
            var holding = tenants.Sum(t => t.Bookings.Count(b => Booking.HoldingTime.Contains(b.Status)));
            var technicians = tenants.Sum(t => t.Technicians.Count);
            var workingDays = tenants.Sum(t =>
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(t.Zone);
                return t.Bookings.Select(b => (b.TechnicianId, TimeZoneInfo.ConvertTime(b.Time.Start, zone).Date)).Distinct().Count();
            });
            return string.Create(CultureInfo.InvariantCulture,
                $"Seeded {tenants.Count} tenants, {technicians} technicians, {tenants.Sum(t => t.Customers.Count)} customers, " +
                $"{bookings} bookings ({holding} holding time; {(double)bookings / workingDays:0.00} per technician per working day), " +
                $"{tenants.Sum(t => t.Technicians.Sum(x => x.TimeOff.Count))} days off; race grid of {race.Count} open times " +
                $"for {race.Select(r => r.Slug).Distinct().Count()} tenants");
        }
    }

    public void WriteLists(string directory)
    {
        // tenants.tsv: slug, a service to ask availability for, a booking to read by primary key.
        File.WriteAllLines(Path.Combine(directory, "tenants.tsv"), tenants.Select(t =>
        {
            var active = t.Services.Where(s => s.IsActive).ToList();
            return $"{t.Slug}\t{active[random.Next(active.Count)].Id}\t{t.Bookings[random.Next(t.Bookings.Count)].Id}";
        }));
        // race.tsv: slug, technician, customer, service, start and end (UTC), in the order the rounds book them.
        File.WriteAllLines(Path.Combine(directory, "race.tsv"), race.Select(r =>
            string.Create(CultureInfo.InvariantCulture,
                $"{r.Slug}\t{r.TechnicianId}\t{r.CustomerId}\t{r.ServiceId}\t{r.StartsAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\t{r.EndsAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}")));
        File.WriteAllLines(Path.Combine(directory, "race-tenants.txt"), race.Select(r => r.Slug).Distinct());
    }
}
