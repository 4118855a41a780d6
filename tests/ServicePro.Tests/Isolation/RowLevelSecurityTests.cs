using System.Net.Http.Json;
using Npgsql;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Isolation;

/// <summary>
/// The database itself keeps tenants apart: raw SQL as the application role, bypassing the application
/// entirely, sees and changes only the rows of the tenant in app.tenant_id — and nothing when it is unset.
/// </summary>
public sealed class RowLevelSecurityTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Fact]
    public async Task Raw_SQL_as_the_app_role_cannot_read_update_or_delete_another_tenants_rows()
    {
        var (a, b) = await TwoTenantsWithCustomersAsync();
        await using var connection = await OpenAsAppAsync();
        await SetTenantAsync(connection, a);

        Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM customers"));
        Assert.Equal(0L, await ScalarAsync(connection, $"SELECT count(*) FROM customers WHERE tenant_id = '{b}'"));
        Assert.Equal(0, await ExecuteAsync(connection, $"UPDATE customers SET name = 'Hijacked' WHERE tenant_id = '{b}'"));
        Assert.Equal(0, await ExecuteAsync(connection, $"DELETE FROM customers WHERE tenant_id = '{b}'"));
        Assert.Equal(0, await ExecuteAsync(connection, $"UPDATE services SET price_max = 1 WHERE tenant_id = '{b}'"));
        var planted = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection,
            $"INSERT INTO customers (tenant_id, id, name, phone, sms_consent, created_at, updated_at) VALUES ('{b}', gen_random_uuid(), 'Planted', '+15550000001', false, now(), now())"));
        Assert.Equal("42501", planted.SqlState); // new row violates row-level security policy

        await SetTenantAsync(connection, b);
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM customers WHERE name <> 'Hijacked'"));
    }

    [Fact]
    public async Task A_tenant_cannot_move_its_own_row_to_another_tenant()
    {
        var (a, b) = await TwoTenantsWithCustomersAsync();
        await using var connection = await OpenAsAppAsync();
        await SetTenantAsync(connection, a);

        var moved = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, $"UPDATE customers SET tenant_id = '{b}'"));

        Assert.Equal("42501", moved.SqlState);
    }

    [Fact]
    public async Task With_no_tenant_set_reads_return_nothing_and_writes_fail()
    {
        var (a, _) = await TwoTenantsWithCustomersAsync();
        await using var connection = await OpenAsAppAsync();

        foreach (var table in TenantTables.Names)
        {
            Assert.Equal(0L, await ScalarAsync(connection, $"SELECT count(*) FROM {table}"));
        }

        await SetTenantAsync(connection, Guid.Empty, raw: "");
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM customers"));
        var insert = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection,
            $"INSERT INTO customers (tenant_id, id, name, phone, sms_consent, created_at, updated_at) VALUES ('{a}', gen_random_uuid(), 'Nobody', '+15550000002', false, now(), now())"));
        Assert.Equal("42501", insert.SqlState);
        Assert.Equal(0, await ExecuteAsync(connection, "DELETE FROM customers"));
    }

    [Fact]
    public async Task The_app_role_is_not_superuser_cannot_bypass_RLS_and_owns_no_tables()
    {
        await using var connection = await OpenAsAppAsync();

        await using var command = new NpgsqlCommand(
            "SELECT rolsuper, rolbypassrls, (SELECT count(*) FROM pg_tables WHERE tableowner = current_user) FROM pg_roles WHERE rolname = current_user",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.False(reader.GetBoolean(0));
        Assert.False(reader.GetBoolean(1));
        Assert.Equal(0L, reader.GetInt64(2));
    }

    private async Task<(Guid A, Guid B)> TwoTenantsWithCustomersAsync()
    {
        var a = await app.CreateTenantAsync();
        var b = await app.CreateTenantAsync();
        foreach (var (tenant, phone) in new[] { (a, "+19185550201"), (b, "+19185550202") })
        {
            (await tenant.Owner.PostAsJsonAsync("/api/customers", new { name = "Customer of " + tenant.Slug, phone })).EnsureSuccessStatusCode();
        }

        return (await IdOf(a.Slug), await IdOf(b.Slug));
    }

    private Task<Guid> IdOf(string slug) => app.InTenantAsync(slug, db => Task.FromResult(db.CurrentTenantId));

    private async Task<NpgsqlConnection> OpenAsAppAsync()
    {
        var connection = new NpgsqlConnection(app.Database.AppConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    internal static async Task SetTenantAsync(NpgsqlConnection connection, Guid tenant, string? raw = null)
    {
        await using var command = new NpgsqlCommand("SELECT set_config('app.tenant_id', @t, false)", connection);
        command.Parameters.AddWithValue("t", raw ?? tenant.ToString());
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }
}
