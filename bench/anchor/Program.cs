using System.Collections.Concurrent;
using System.Runtime;
using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Npgsql;
using NpgsqlTypes;
using ServicePro.Bench.Anchor;

// The anchor bench/fixed-cost.sh measures ServicePro.Host against: the least an ASP.NET Core minimal API costs on this
// machine. Default container, routing and nothing else; the same JSON as the host's /bench/static and the same raw
// Npgsql read as its /bench/raw-pk. A ratio to it, measured in the same run, says what the host's own pieces cost.
//
// Anchor:Pieces (comma-separated) adds host pieces one at a time, to find where the host's microseconds go without
// touching the host: autofac, exceptions, scope, ratelimiter, staticfiles, auth. See AnchorPieces.
var builder = WebApplication.CreateBuilder(args);
var pieces = AnchorPieces.Parse(builder.Configuration["Anchor:Pieces"]);
builder.Services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false); // as the host: same response bytes
if (pieces.Autofac)
{
    builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
}

pieces.AddServices(builder.Services);

var connectionString = builder.Configuration.GetConnectionString("App")
    ?? throw new InvalidOperationException("ConnectionStrings:App (the application role's connection string) is required.");
var dataSource = NpgsqlDataSource.Create(connectionString);

var app = builder.Build();
app.Lifetime.ApplicationStopped.Register(dataSource.Dispose);
pieces.UsePipeline(app);

var payload = new { ok = true, service = "servicepro" };
app.MapGet("/bench/static", () => TypedResults.Ok(payload));

// Ready when the database answers, as the host's /health/ready (which also checks its start-up work).
app.MapGet("/health/ready", async (CancellationToken ct) =>
{
    await using var command = dataSource.CreateCommand("SELECT 1");
    await command.ExecuteScalarAsync(ct);
    return TypedResults.Ok("Healthy");
});

// The host's /bench/raw-pk, statement for statement (src/Host/Diagnostics/BenchmarkEndpoints.cs). The tenant comes
// from the Host header's first label, looked up once per slug: the least tenant resolution can be.
var tenants = new ConcurrentDictionary<string, Guid?>(StringComparer.OrdinalIgnoreCase);
app.MapGet("/bench/raw-pk", async (Guid id, HttpContext http, CancellationToken ct) =>
{
    var slug = http.Request.Host.Host.Split('.')[0];
    if (!tenants.TryGetValue(slug, out var tenant))
    {
        await using var lookup = dataSource.CreateCommand("SELECT id FROM tenants WHERE slug = $1");
        lookup.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = slug });
        tenant = tenants[slug] = await lookup.ExecuteScalarAsync(ct) as Guid?;
    }

    if (tenant is not { } tenantId)
    {
        return Results.NotFound();
    }

    await using var connection = await dataSource.OpenConnectionAsync(ct);
    await using var batch = connection.CreateBatch();
    var setTenant = new NpgsqlBatchCommand("SELECT set_config('app.tenant_id', $1, true)");
    setTenant.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = tenantId.ToString() });
    var select = new NpgsqlBatchCommand("SELECT id, technician_id, starts_at, ends_at, status FROM bookings WHERE tenant_id = $1 AND id = $2");
    select.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = tenantId });
    select.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = id });
    batch.BatchCommands.Add(setTenant);
    batch.BatchCommands.Add(select);
    await batch.PrepareAsync(ct);
    await using var reader = await batch.ExecuteReaderAsync(ct);
    await reader.NextResultAsync(ct);
    return await reader.ReadAsync(ct)
        ? Results.Ok(new RawBookingRow(reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2),
            reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4)))
        : Results.NotFound();
});

// The same figures as the host's /bench/memory: bytes allocated so far (a delta over a run divided by its requests is
// the allocation per request), and after ?collect=true a full, compacting collection, the heap that stays.
app.MapGet("/bench/memory", (bool? collect) =>
{
    if (collect == true)
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    return TypedResults.Ok(new MemoryFigures(GC.GetTotalAllocatedBytes(precise: true), GC.GetTotalMemory(forceFullCollection: false),
        Environment.WorkingSet));
});

await app.RunAsync();

internal sealed record RawBookingRow(Guid Id, Guid TechnicianId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status);

internal sealed record MemoryFigures(long Allocated, long Heap, long WorkingSet);
