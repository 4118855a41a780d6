using Microsoft.EntityFrameworkCore.Migrations;

namespace ServicePro.Host.Persistence;

/// <summary>
/// The SQL that makes PostgreSQL itself keep tenants apart: ENABLE + FORCE row-level security and a policy
/// that admits only rows of the tenant in app.tenant_id. Unset or empty means no rows and no writes.
/// Every migration that creates a tenant-owned table calls <see cref="Enable"/> for it.
/// </summary>
public static class RowLevelSecurity
{
    public const string PolicyName = "tenant_isolation";

    private const string CurrentTenant = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";

    public static void Enable(MigrationBuilder migrationBuilder, string table)
    {
        migrationBuilder.Sql($"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;");
        migrationBuilder.Sql($"ALTER TABLE {table} FORCE ROW LEVEL SECURITY;");
        migrationBuilder.Sql(
            $"CREATE POLICY {PolicyName} ON {table} USING (tenant_id = {CurrentTenant}) WITH CHECK (tenant_id = {CurrentTenant});");
    }

    public static void Disable(MigrationBuilder migrationBuilder, string table)
    {
        migrationBuilder.Sql($"DROP POLICY IF EXISTS {PolicyName} ON {table};");
        migrationBuilder.Sql($"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY;");
        migrationBuilder.Sql($"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;");
    }
}
