using System.Diagnostics;
using System.Globalization;
using Npgsql;
using ServicePro.Bench.PgCost;

// Times the raw primary-key read that /bench/raw-pk makes (set_config + one SELECT under row-level security, prepared,
// on a pooled connection opened per request) and variants of it, each on one connection (a pool of one), from the
// PostgreSQL server process's own CPU clock (/proc/<backend pid>/schedstat): what the server spends per request,
// untouched by whatever else the machine runs. Needs a migrated, seeded database (bench/pg-cost.sh makes one).
//
//   dotnet ServicePro.Bench.PgCost.dll --owner "<owner connection string>" --app "<app connection string>" [--iterations 4000] [--rounds 3]
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

var owner = options["owner"];
var app = options["app"];
var iterations = int.Parse(options.GetValueOrDefault("iterations", "4000"), CultureInfo.InvariantCulture);
var rounds = int.Parse(options.GetValueOrDefault("rounds", "3"), CultureInfo.InvariantCulture);

var appRole = new NpgsqlConnectionStringBuilder(app).Username!;
var keys = await Fixture.CreateAsync(owner, appRole);
Console.Error.WriteLine($"{keys.Count} sample rows; {iterations} requests per variant per round, {rounds} rounds.");

var variants = Variants.All;
var results = variants.ToDictionary(v => v.Name, _ => new List<(double ServerUs, double WallUs)>());
for (var round = 1; round <= rounds; round++)
{
    // Alternate the order, as the HTTP benchmarks do, so drift falls on every variant alike.
    var order = round % 2 == 1 ? variants : variants.Reverse().ToArray();
    foreach (var variant in order)
    {
        var figures = await Measure(variant, app, keys, iterations);
        results[variant.Name].Add(figures);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"round {round} {variant.Name}: server {figures.ServerUs:0.0} µs, wall {figures.WallUs:0.0} µs per request"));
    }
}

Console.WriteLine("| Variant | What runs per request | PostgreSQL CPU µs / request (median) | Min–max | Client wall µs / request (median) |");
Console.WriteLine("|---|---|---:|---:|---:|");
foreach (var variant in variants)
{
    var server = results[variant.Name].Select(r => r.ServerUs).Order().ToArray();
    var wall = results[variant.Name].Select(r => r.WallUs).Order().ToArray();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {variant.Name} | {variant.Description} | {server[server.Length / 2]:0.0} | {server[0]:0.0}–{server[^1]:0.0} | {wall[wall.Length / 2]:0.0} |"));
}

return 0;

static async Task<(double ServerUs, double WallUs)> Measure(Variant variant, string app, IReadOnlyList<(Guid Tenant, Guid Id)> keys, int iterations)
{
    // A pool of one: every open gets the same server process, whose CPU clock is the measure.
    var settings = new NpgsqlConnectionStringBuilder(app) { MaxPoolSize = 1, MinPoolSize = 1, NoResetOnClose = variant.NoResetOnClose };
    await using var dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
    int backend;
    await using (var probe = await dataSource.OpenConnectionAsync())
    {
        backend = probe.ProcessID;
    }

    var kept = variant.OpenPerRequest ? null : await dataSource.OpenConnectionAsync();
    async Task Run(int count, int offset)
    {
        for (var i = 0; i < count; i++)
        {
            var key = keys[(offset + i) % keys.Count];
            if (kept is null)
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await variant.Request(connection, key.Tenant, key.Id);
            }
            else
            {
                await variant.Request(kept, key.Tenant, key.Id);
            }
        }
    }

    await Run(Math.Max(500, iterations / 4), 0); // past custom plans, into the generic one, and past the JIT
    var cpu0 = ServerCpuNanoseconds(backend);
    var wall = Stopwatch.StartNew();
    await Run(iterations, 7);
    wall.Stop();
    var cpu1 = ServerCpuNanoseconds(backend);
    // (Disposing a kept connection here is its end too.)
    await using (var check = kept ?? await dataSource.OpenConnectionAsync())
    {
        if (check.ProcessID != backend)
        {
            throw new InvalidOperationException("The pool of one changed server process during the run.");
        }
    }

    return ((cpu1 - cpu0) / 1000.0 / iterations, wall.Elapsed.TotalMicroseconds / iterations);
}

// The first field of schedstat: nanoseconds the task has run on a CPU (user and system).
static long ServerCpuNanoseconds(int pid) =>
    long.Parse(File.ReadAllText($"/proc/{pid}/schedstat").Split(' ')[0], CultureInfo.InvariantCulture);
