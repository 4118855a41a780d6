using System.Diagnostics;
using System.Globalization;
using ServicePro.Bench.Availability;
using ServicePro.Host.Scheduling;

// How long AvailabilityEngine.FindOpenSlots takes for 20 technicians over 30 days (goal: ≤ 100 µs), measured
// in-process with a Stopwatch after a warm-up. Run: dotnet run -c Release --project bench/availability
// Optional argument: seconds per measured round (default 2).

const int Technicians = 20;
const int Days = 30;
const int Rounds = 5;
var secondsPerRound = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 2.0;

var first = new DateOnly(2026, 3, 2); // a Monday; the month includes Chicago's spring-forward (8 March)
var team = Workload.Team(Technicians, first, Days, seed: 42);
var everyone = new AvailabilityQuery("America/Chicago", first, first.AddDays(Days - 1),
    new DateTimeOffset(2026, 3, 1, 15, 0, 0, TimeSpan.Zero), DurationMinutes: 120, Workload.Rules);
var oneTechnician = everyone with { TechnicianId = team[7].Id };

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Availability engine: {Technicians} technicians x {Days} days (America/Chicago, {first:yyyy-MM-dd} on), " +
    $"{team.Sum(t => t.Appointments.Count)} appointments, {team.Sum(t => t.TimeOff.Count)} time-off ranges, 120-minute job"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $".NET {Environment.Version}, {Environment.ProcessorCount} CPUs, {secondsPerRound:0.#} s per round, {Rounds} rounds after a warm-up"));
Console.WriteLine();

Report("all technicians", everyone, team, secondsPerRound);
Report("one technician", oneTechnician, team, secondsPerRound);

static void Report(string name, AvailabilityQuery query, List<TechnicianSchedule> team, double secondsPerRound)
{
    var slots = AvailabilityEngine.FindOpenSlots(query, team);

    // Warm-up: long enough for tiered compilation to reach the optimised code.
    _ = Measure(query, team, seconds: 3);

    var wall = new List<double>();
    var cpu = new List<double>();
    for (var round = 0; round < Rounds; round++)
    {
        var (wallMicros, cpuMicros) = Measure(query, team, secondsPerRound);
        wall.Add(wallMicros);
        cpu.Add(cpuMicros);
    }

    wall.Sort();
    cpu.Sort();
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    AvailabilityEngine.FindOpenSlots(query, team);
    allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-16} {wall[Rounds / 2],7:0.0} µs per compute (median of {Rounds} round means; min {wall[0]:0.0}, max {wall[^1]:0.0}); " +
        $"CPU {cpu[Rounds / 2]:0.0} µs (min {cpu[0]:0.0}); {slots.Count} slots, {allocated / 1024.0:0.0} KiB allocated"));
}

// Mean µs per call over a round of about the given length: elapsed, and CPU time of the process (which other
// processes competing for the CPUs disturb much less).
static (double Wall, double Cpu) Measure(AvailabilityQuery query, List<TechnicianSchedule> team, double seconds)
{
    var calls = 0L;
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var budget = TimeSpan.FromSeconds(seconds);
    while (watch.Elapsed < budget)
    {
        for (var i = 0; i < 100; i++)
        {
            AvailabilityEngine.FindOpenSlots(query, team);
        }

        calls += 100;
    }

    var elapsed = watch.Elapsed;
    process.Refresh();
    return (elapsed.TotalMicroseconds / calls, (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / calls);
}
