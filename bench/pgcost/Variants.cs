using Npgsql;
using NpgsqlTypes;

namespace ServicePro.Bench.PgCost;

internal sealed record Variant(string Name, string Description, bool OpenPerRequest, bool NoResetOnClose,
    Func<NpgsqlConnection, Guid, Guid, Task> Request);

internal static class Variants
{
    private const string Columns = "id, technician_id, starts_at, ends_at, status";

    public static readonly Variant[] All =
    [
        new("plain", "SELECT by primary key from a copy of bookings without row-level security; connection kept open; prepared",
            false, false, (c, t, id) => Select(c, "pgcost_plain", t, id, setTenant: false, prepare: true)),
        new("plain+set_config", "the same, after set_config in the same batch (no policy to read it)",
            false, false, (c, t, id) => Select(c, "pgcost_plain", t, id, setTenant: true, prepare: true)),
        new("rls", "set_config + SELECT from a copy of bookings under the host's policy, as the app role; kept open; prepared",
            false, false, (c, t, id) => Select(c, "pgcost_rls", t, id, setTenant: true, prepare: true)),
        new("rls-subselect", "the same, policy `tenant_id = (SELECT NULLIF(current_setting(…, true), '')::uuid)`",
            false, false, (c, t, id) => Select(c, "pgcost_rls_subselect", t, id, setTenant: true, prepare: true)),
        new("bookings", "set_config + SELECT from bookings itself (the /bench/raw-pk statement); kept open; prepared",
            false, false, (c, t, id) => Select(c, "bookings", t, id, setTenant: true, prepare: true)),
        new("bookings-unprepared", "the same, not prepared",
            false, false, (c, t, id) => Select(c, "bookings", t, id, setTenant: true, prepare: false)),
        new("raw-pk", "the same, prepared, on a connection opened from the pool per request (the pool's reset on): /bench/raw-pk as it is",
            true, false, (c, t, id) => Select(c, "bookings", t, id, setTenant: true, prepare: true)),
        new("raw-pk no-reset", "the same with `No Reset On Close=true`",
            true, true, (c, t, id) => Select(c, "bookings", t, id, setTenant: true, prepare: true)),
        new("raw-pk unprepared", "opened per request, not prepared (the reset is then DISCARD ALL)",
            true, false, (c, t, id) => Select(c, "bookings", t, id, setTenant: true, prepare: false)),
        new("raw-pk unprepared no-reset", "opened per request, not prepared, `No Reset On Close=true`",
            true, true, (c, t, id) => Select(c, "bookings", t, id, setTenant: true, prepare: false)),
        new("plain opened", "plain, on a connection opened from the pool per request (the pool's reset on)",
            true, false, (c, t, id) => Select(c, "pgcost_plain", t, id, setTenant: false, prepare: true)),
        new("reset alone", "only the statements Npgsql's pool sends to reset a connection that holds prepared statements",
            false, false, (c, _, _) => Simple(c,
                "SET SESSION AUTHORIZATION DEFAULT;RESET ALL;CLOSE ALL;UNLISTEN *;SELECT pg_advisory_unlock_all();DISCARD SEQUENCES;DISCARD TEMP")),
        new("discard all alone", "only DISCARD ALL (the reset of a connection without prepared statements)",
            false, false, (c, _, _) => Simple(c, "DISCARD ALL")),
        new("select 1", "SELECT 1 (a round trip, nothing read)",
            false, false, (c, _, _) => Simple(c, "SELECT 1")),
    ];

    private static async Task Select(NpgsqlConnection connection, string table, Guid tenant, Guid id, bool setTenant, bool prepare)
    {
        await using var batch = connection.CreateBatch();
        if (setTenant)
        {
            var set = new NpgsqlBatchCommand("SELECT set_config('app.tenant_id', $1, true)");
            set.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = tenant.ToString() });
            batch.BatchCommands.Add(set);
        }

        var select = new NpgsqlBatchCommand($"SELECT {Columns} FROM {table} WHERE tenant_id = $1 AND id = $2");
        select.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = tenant });
        select.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = id });
        batch.BatchCommands.Add(select);
        if (prepare)
        {
            await batch.PrepareAsync();
        }

        await using var reader = await batch.ExecuteReaderAsync();
        if (setTenant)
        {
            await reader.NextResultAsync();
        }

        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException($"No row {tenant}/{id} in {table}: the read must find what it asks for.");
        }
    }

    private static async Task Simple(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Copies of bookings' key columns with and without row-level security, and the rows to read.</summary>
internal static class Fixture
{
    private const string Policy = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";

    public static async Task<IReadOnlyList<(Guid Tenant, Guid Id)>> CreateAsync(string owner, string appRole)
    {
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        var role = new NpgsqlCommandBuilder().QuoteIdentifier(appRole);
        // bookings is FORCE ROW LEVEL SECURITY even for its owner: off for this transaction only, to copy every tenant's rows.
        var sql = $"""
            BEGIN;
            ALTER TABLE bookings NO FORCE ROW LEVEL SECURITY;
            DROP TABLE IF EXISTS pgcost_plain, pgcost_rls, pgcost_rls_subselect;
            CREATE TABLE pgcost_plain AS SELECT tenant_id, id, technician_id, starts_at, ends_at, status FROM bookings;
            ALTER TABLE pgcost_plain ADD PRIMARY KEY (tenant_id, id);
            CREATE TABLE pgcost_rls (LIKE pgcost_plain INCLUDING ALL);
            INSERT INTO pgcost_rls SELECT * FROM pgcost_plain;
            CREATE TABLE pgcost_rls_subselect (LIKE pgcost_plain INCLUDING ALL);
            INSERT INTO pgcost_rls_subselect SELECT * FROM pgcost_plain;
            ALTER TABLE pgcost_rls ENABLE ROW LEVEL SECURITY;
            ALTER TABLE pgcost_rls FORCE ROW LEVEL SECURITY;
            CREATE POLICY tenant_isolation ON pgcost_rls USING (tenant_id = {Policy});
            ALTER TABLE pgcost_rls_subselect ENABLE ROW LEVEL SECURITY;
            ALTER TABLE pgcost_rls_subselect FORCE ROW LEVEL SECURITY;
            CREATE POLICY tenant_isolation ON pgcost_rls_subselect USING (tenant_id = (SELECT {Policy}));
            GRANT SELECT ON pgcost_plain, pgcost_rls, pgcost_rls_subselect TO {role};
            ALTER TABLE bookings FORCE ROW LEVEL SECURITY;
            COMMIT;
            ANALYZE pgcost_plain; ANALYZE pgcost_rls; ANALYZE pgcost_rls_subselect;
            """;
        await using (var setup = new NpgsqlCommand(sql, connection))
        {
            await setup.ExecuteNonQueryAsync();
        }

        var keys = new List<(Guid, Guid)>();
        await using var pick = new NpgsqlCommand("SELECT tenant_id, id FROM pgcost_plain ORDER BY md5(id::text) LIMIT 500", connection);
        await using var reader = await pick.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add((reader.GetGuid(0), reader.GetGuid(1)));
        }

        return keys.Count > 0 ? keys : throw new InvalidOperationException("bookings is empty: seed the database first.");
    }
}
