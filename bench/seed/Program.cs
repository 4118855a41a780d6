using System.Diagnostics;
using System.Globalization;
using ServicePro.Bench.Seed;

// Seeds a freshly migrated ServicePro database (the host's `migrate` command has run: schema and the ROOT tenant)
// with many tenants' schedules, for bench/scheduling.sh, and writes the lists its wrk scripts draw requests from.
// Run as the owner role, before the host serves the database (it switches off forced row-level security on a few
// tables for the length of one transaction).
//
//   dotnet ServicePro.Bench.Seed.dll --connection "Host=...;Database=..." --out DIR
//     [--tenants 1000] [--technicians 5] [--days 30] [--customers 40] [--race-tenants 4] [--race-weekdays 250] [--seed 42]

var options = SeedOptions.Parse(args);
var clock = Stopwatch.StartNew();
var fleet = await FleetSeeder.SeedAsync(options, TimeProvider.System.GetUtcNow(), CancellationToken.None);
Directory.CreateDirectory(options.OutputDirectory);
fleet.WriteLists(options.OutputDirectory);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fleet.Summary} in {clock.Elapsed.TotalSeconds:0.0} s"));
return 0;
