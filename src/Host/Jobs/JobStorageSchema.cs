using Npgsql;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Jobs;

/// <summary>Hangfire's tables, created (and upgraded) by the owner; the app role gets DML only, like everywhere else.</summary>
public sealed class JobStorageSchema : IOwnedSchema
{
    public async Task InstallAsync(NpgsqlConnection owner, string appRole, CancellationToken ct)
    {
        Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(owner, JobsModule.Schema);
        var schema = DatabaseMigrator.Quote(JobsModule.Schema);
        await using var grant = owner.CreateCommand();
        grant.CommandText =
            $"""
            GRANT USAGE ON SCHEMA {schema} TO {appRole};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {appRole};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {appRole};
            """;
        await grant.ExecuteNonQueryAsync(ct);
    }
}
