using Microsoft.EntityFrameworkCore;
using Npgsql;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Persistence;

/// <summary>
/// Applies migrations (as the owner role on PostgreSQL), grants the application role what it needs, and
/// refuses to go on if the application role could escape row-level security.
/// </summary>
public sealed class DatabaseMigrator(
    DatabaseConnections connections, ServiceProDbContext appDb, IEnumerable<IOwnedSchema> ownedSchemas, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        if (connections.Provider == DatabaseProvider.Sqlite)
        {
            await appDb.Database.MigrateAsync(ct);
            return;
        }

        var ownerOptions = new DbContextOptionsBuilder<PostgresServiceProDbContext>()
            .UseNpgsql(connections.Migrations)
            .UseSnakeCaseNamingConvention()
            .Options;
        await using (var ownerDb = new PostgresServiceProDbContext(ownerOptions, new TenantContext()))
        {
            var pending = (await ownerDb.Database.GetPendingMigrationsAsync(ct)).ToList();
            // Up to date (every start but the first after a release): MigrateAsync would still build the migrations' own
            // model and compare it with ours, which is most of a start's database work (bench/README.md, "Start-up").
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
                await ownerDb.Database.MigrateAsync(ct);
            }

            var appRole = Quote(new NpgsqlConnectionStringBuilder(connections.App).Username
                ?? throw new InvalidOperationException("ConnectionStrings:ServicePro must name a Username."));
#pragma warning disable EF1002 // The role name is quoted as an identifier; it cannot be a parameter in GRANT.
            await ownerDb.Database.ExecuteSqlRawAsync(
                $"""
                GRANT USAGE ON SCHEMA public TO {appRole};
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {appRole};
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {appRole};
                """, ct);
#pragma warning restore EF1002
            var owner = (NpgsqlConnection)ownerDb.Database.GetDbConnection();
            await ownerDb.Database.OpenConnectionAsync(ct);
            try
            {
                foreach (var schema in ownedSchemas)
                {
                    await schema.InstallAsync(owner, appRole, ct);
                }
            }
            finally
            {
                await ownerDb.Database.CloseConnectionAsync();
            }
        }

        await EnsureAppRoleIsBoundByRowLevelSecurityAsync(ct);
    }

    private async Task EnsureAppRoleIsBoundByRowLevelSecurityAsync(CancellationToken ct)
    {
        var connection = appDb.Database.GetDbConnection();
        await appDb.Database.OpenConnectionAsync(ct);
        AppRoleFacts role;
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText =
                """
                SELECT r.rolname, r.rolsuper, r.rolbypassrls,
                       (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = 'public' AND c.relowner = r.oid)
                FROM pg_roles r WHERE r.rolname = current_user
                """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            role = new AppRoleFacts(reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetInt32(3));
        }
        finally
        {
            await appDb.Database.CloseConnectionAsync();
        }

        if (role.IsSuperuser || role.BypassesRls || role.OwnedTables > 0)
        {
            throw new InvalidOperationException(
                $"Refusing to start: the application role '{role.Name}' would bypass row-level security " +
                $"(superuser: {role.IsSuperuser}, BYPASSRLS: {role.BypassesRls}, owns {role.OwnedTables} table(s)). " +
                "Connect ConnectionStrings:ServicePro as a plain role; see README.md, 'Running on PostgreSQL'.");
        }
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record AppRoleFacts(string Name, bool IsSuperuser, bool BypassesRls, int OwnedTables);
}
