using Npgsql;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Isolation;

/// <summary>Catalog checks that keep every tenant-owned table — including future ones — isolated.</summary>
public sealed class SchemaIsolationTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Fact]
    public async Task Every_table_with_a_tenant_id_forces_row_level_security_with_the_tenant_policy()
    {
        var rows = await QueryAsync(
            """
            SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                   EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname AND p.policyname = 'tenant_isolation'
                           AND p.qual LIKE '%app.tenant_id%' AND p.with_check LIKE '%app.tenant_id%')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r'
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
            ORDER BY 1
            """, r => (Table: r.GetString(0), Enabled: r.GetBoolean(1), Forced: r.GetBoolean(2), HasPolicy: r.GetBoolean(3)));

        Assert.Equal(TenantTables.Names.Order(), rows.Select(r => r.Table));
        Assert.All(rows, r => Assert.True(r.Enabled && r.Forced && r.HasPolicy, $"{r.Table}: RLS enabled={r.Enabled} forced={r.Forced} policy={r.HasPolicy}"));
    }

    [Fact]
    public async Task Every_tenant_owned_table_has_tenant_id_first_in_its_primary_key_and_not_null()
    {
        var rows = await QueryAsync(
            """
            SELECT c.relname, a.attname, a.attnotnull
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.conkey[1]
            WHERE k.contype = 'p' AND c.relname = ANY(@tables)
            """, r => (Table: r.GetString(0), FirstKeyColumn: r.GetString(1), NotNull: r.GetBoolean(2)));

        Assert.Equal(TenantTables.Names.Length, rows.Count);
        Assert.All(rows, r => Assert.True(r.FirstKeyColumn == "tenant_id" && r.NotNull, $"{r.Table} primary key starts with {r.FirstKeyColumn}"));
    }

    [Fact]
    public async Task Every_foreign_key_between_tenant_owned_tables_includes_tenant_id_on_both_sides()
    {
        var rows = await QueryAsync(
            """
            SELECT k.conname,
                   EXISTS (SELECT 1 FROM unnest(k.conkey) WITH ORDINALITY AS s(attnum, i)
                           JOIN unnest(k.confkey) WITH ORDINALITY AS t(attnum, j) ON s.i = t.j
                           JOIN pg_attribute sa ON sa.attrelid = k.conrelid AND sa.attnum = s.attnum
                           JOIN pg_attribute ta ON ta.attrelid = k.confrelid AND ta.attnum = t.attnum
                           WHERE sa.attname = 'tenant_id' AND ta.attname = 'tenant_id')
            FROM pg_constraint k
            JOIN pg_class src ON src.oid = k.conrelid
            JOIN pg_class dst ON dst.oid = k.confrelid
            WHERE k.contype = 'f' AND src.relname = ANY(@tables) AND dst.relname = ANY(@tables)
            """, r => (Name: r.GetString(0), Scoped: r.GetBoolean(1)));

        Assert.All(rows, r => Assert.True(r.Scoped, $"{r.Name} does not carry tenant_id"));
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map)
    {
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("tables", TenantTables.Names);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
