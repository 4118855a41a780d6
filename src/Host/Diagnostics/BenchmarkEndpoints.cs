using System.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using NpgsqlTypes;
using ServicePro.Abstractions;
using ServicePro.Host.Bookings;
using ServicePro.Host.Features;
using ServicePro.Host.Hosting;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Diagnostics;

public sealed record RawBookingRow(Guid Id, Guid TechnicianId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status);

/// <summary>What <c>/bench/memory</c> answers: bytes allocated since the process started, the managed heap, the working set.</summary>
public sealed record MemoryFigures(long Allocated, long Heap, long WorkingSet);

public sealed record RawInsertRequest(Guid TechnicianId, Guid CustomerId, Guid ServiceId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>
/// Baselines for bench/, mapped only when ServicePro:Benchmarks:Enabled is true. Each real endpoint is measured as
/// a throughput ratio to the cheapest endpoint that does the same kind of work on the same host in the same run:
/// <list type="bullet">
/// <item><c>/bench/static</c> and <c>/bench/tenant-flag</c>: the same constant JSON without and with a tenant and a
/// flag evaluated for it — the cost of tenancy (bench/run.sh).</item>
/// <item><c>/bench/raw-pk</c>: one booking read by primary key with raw Npgsql — the floor under GET /api/availability,
/// which also reads the tenant's data in one database round trip (bench/scheduling.sh).</item>
/// <item><c>/bench/raw-insert</c>: one booking inserted with raw Npgsql into the same table, under the same no-overlap
/// constraint — the floor under POST /api/bookings (bench/scheduling.sh).</item>
/// <item><c>/bench/memory</c>: the process's allocated bytes, heap and working set (after a full collection with
/// <c>?collect=true</c>), so bench/fixed-cost.sh can divide a run's allocations by its requests and weigh what stays.</item>
/// </list>
/// The database baselines go through tenant resolution like the real endpoints and set <c>app.tenant_id</c> as
/// row-level security requires, in the same round trip as their statement: the least any tenant's read or write can cost.
/// </summary>
public static class BenchmarkEndpoints
{
    private static readonly object Payload = new { ok = true, service = "servicepro" };

    /// <summary>Marks the rows <c>/bench/raw-insert</c> writes, so a benchmark can count them apart from real bookings.</summary>
    public const string RawInsertNotes = "bench raw insert";

    public static IEndpointRouteBuilder MapBenchmarkEndpoints(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>("ServicePro:Benchmarks:Enabled"))
        {
            return app;
        }

        app.MapGet("/bench/static", () => TypedResults.Ok(Payload)).ExcludeFromDescription();
        app.MapGet("/bench/tenant-flag", () => TypedResults.Ok(Payload))
            .RequireTenantFeature(FeatureFlags.WhiteLabel)
            .ExcludeFromDescription();
        app.MapGet("/bench/memory", (bool? collect) => TypedResults.Ok(Memory(collect == true))).ExcludeFromDescription();

        var connections = app.ServiceProvider.GetRequiredService<DatabaseConnections>();
        if (connections.Provider == DatabaseProvider.Postgres)
        {
            // Its own pool on the application role's connection string: what a hand-written data layer would use.
            var dataSource = NpgsqlDataSource.Create(connections.App);
            app.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(dataSource.Dispose);
            app.MapGet("/bench/raw-pk", (Guid id, HttpContext http, CancellationToken ct) => RawPrimaryKeyAsync(dataSource, id, http, ct))
                .ExcludeFromDescription();
            app.MapPost("/bench/raw-insert", (RawInsertRequest request, HttpContext http, CancellationToken ct) => RawInsertAsync(dataSource, request, http, ct))
                .ExcludeFromDescription();
        }

        return app;
    }

    private static async Task<Results<Ok<RawBookingRow>, NotFoundProblem>> RawPrimaryKeyAsync(
        NpgsqlDataSource dataSource, Guid id, HttpContext http, CancellationToken ct)
    {
        if (TenantOf(http) is not { } tenant)
        {
            return Problems.NotFound("Ask at a business's address.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = TenantBatch(connection, tenant,
            "SELECT id, technician_id, starts_at, ends_at, status FROM bookings WHERE tenant_id = $1 AND id = $2");
        batch.BatchCommands[1].Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = id });
        await batch.PrepareAsync(ct);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct); // past set_config's row
        return await reader.ReadAsync(ct)
            ? TypedResults.Ok(new RawBookingRow(reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4)))
            : Problems.NotFound("There is no such booking.");
    }

    private static async Task<IResult> RawInsertAsync(NpgsqlDataSource dataSource, RawInsertRequest request, HttpContext http, CancellationToken ct)
    {
        if (TenantOf(http) is not { } tenant)
        {
            return Problems.NotFound("Ask at a business's address.");
        }

        var id = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = TenantBatch(connection, tenant,
            """
            INSERT INTO bookings (tenant_id, id, customer_id, service_id, technician_id, starts_at, ends_at, status, answers,
                                  estimated_price, notes, source, confirmed_at, version, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, 'confirmed', '{}', 0, $8, 'staff', now(), 0, now(), now())
            """);
        var parameters = batch.BatchCommands[1].Parameters;
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = id });
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = request.CustomerId });
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = request.ServiceId });
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = request.TechnicianId });
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = request.StartsAt.UtcDateTime });
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = request.EndsAt.UtcDateTime });
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = RawInsertNotes });
        await batch.PrepareAsync(ct);
        try
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState is BookingOverlap.SqlState or PostgresErrorCodes.DeadlockDetected)
        {
            // The same answer the real endpoint gives a taken time, without its alternatives. Two inserts of
            // overlapping rows at the same moment can each wait for the other on the exclusion constraint; PostgreSQL
            // then aborts one (after deadlock_timeout), which lost the race like any other.
            return Problems.Conflict("That time is taken.");
        }

        return TypedResults.Created($"/api/bookings/{id}", new { id });
    }

    private static MemoryFigures Memory(bool collect)
    {
        if (collect)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return new MemoryFigures(GC.GetTotalAllocatedBytes(precise: true), GC.GetTotalMemory(forceFullCollection: false), Environment.WorkingSet);
    }

    private static Guid? TenantOf(HttpContext http) => http.Features.Get<ITenantContext>()?.TenantId;

    /// <summary>A batch whose first statement sets the tenant for row-level security, local to the batch's implicit
    /// transaction; <paramref name="sql"/> follows with the tenant bound to <c>$1</c>. One round trip in all, prepared
    /// like the real endpoints' reads (PostgresScheduleLoader), so the baseline is the least such a request can cost.</summary>
    private static NpgsqlBatch TenantBatch(NpgsqlConnection connection, Guid tenant, string sql)
    {
        var batch = connection.CreateBatch();
        var setTenant = new NpgsqlBatchCommand($"SELECT set_config('{TenantConnectionInterceptor.SettingName}', $1, true)");
        setTenant.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = tenant.ToString() });
        var statement = new NpgsqlBatchCommand(sql);
        statement.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = tenant });
        batch.BatchCommands.Add(setTenant);
        batch.BatchCommands.Add(statement);
        return batch;
    }
}
