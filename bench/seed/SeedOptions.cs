using System.Globalization;

namespace ServicePro.Bench.Seed;

/// <summary>What to seed; see Program.cs for the command line.</summary>
/// <param name="Connection">The owner role's connection string, with the database.</param>
/// <param name="OutputDirectory">Where the request lists go.</param>
/// <param name="Tenants">Tenants to create besides ROOT.</param>
/// <param name="Technicians">Technicians per tenant, on weekday shifts.</param>
/// <param name="Days">Calendar days of appointments, from today on the tenant's clock.</param>
/// <param name="Customers">Customers per tenant, whom the appointments are for.</param>
/// <param name="RaceTenants">Tenants (the first ones) whose technicians the contended-booking rounds book.</param>
/// <param name="RaceWeekdays">Weekdays of open times in the race grid, after the seeded appointments.</param>
/// <param name="RandomSeed">Makes the data the same from run to run.</param>
public sealed record SeedOptions(
    string Connection, string OutputDirectory, int Tenants, int Technicians, int Days, int Customers, int RaceTenants, int RaceWeekdays,
    int RandomSeed)
{
    public static SeedOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected --name value pairs; got '{args[i]}'.");
            }

            values[args[i][2..]] = args[++i];
        }

        int Number(string name, int fallback, int min)
        {
            var value = values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
            return value >= min ? value : throw new ArgumentException($"--{name} must be at least {min}.");
        }

        string Required(string name) =>
            values.TryGetValue(name, out var text) && text.Length > 0 ? text : throw new ArgumentException($"--{name} is required.");

        var options = new SeedOptions(
            Required("connection"), Required("out"), Number("tenants", 1000, 1), Number("technicians", 5, 1), Number("days", 30, 1),
            Number("customers", 40, 1), Number("race-tenants", 4, 1), Number("race-weekdays", 250, 1), Number("seed", 42, 0));
        return options.RaceTenants <= options.Tenants ? options : throw new ArgumentException("--race-tenants cannot exceed --tenants.");
    }
}
