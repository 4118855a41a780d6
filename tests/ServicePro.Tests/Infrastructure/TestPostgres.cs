using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ServicePro.Host.Hosting;
using ServicePro.Host.Jobs;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Tests.Infrastructure;

public sealed record TestDatabase(string Name, string AppConnectionString, string OwnerConnectionString);

/// <summary>
/// The PostgreSQL server tests/run.sh started, and the two roles it made: an owner (runs migrations) and
/// a plain application role. Every test context gets a database of its own, copied from a template that
/// the host's own <see cref="DatabaseMigrator"/> migrated once for this test process; every name starts
/// with this run's prefix.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<Task<string>> Template = new(BuildTemplateAsync);

    private static readonly Lazy<string> Prefix = new(RunPrefix);

    // CREATE DATABASE ... TEMPLATE copies files while holding the template; one copy at a time keeps that simple.
    private static readonly SemaphoreSlim Copying = new(1, 1);

    public static string OwnerServer => Variable("SERVICEPRO_TEST_PG_OWNER");

    public static string AppServer => Variable("SERVICEPRO_TEST_PG_APP");

    /// <summary>A database with every migration applied (a copy of this process's template).</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var template = await Template.Value;
        var name = NewName();
        await Copying.WaitAsync();
        try
        {
            await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            Copying.Release();
        }

        return Describe(name);
    }

    /// <summary>
    /// Closes the pooled connections a stopped host left to <paramref name="database"/> (under its own connection
    /// strings and any <paramref name="moreConnectionStrings"/> it used) and, when <paramref name="drop"/>, drops it.
    /// </summary>
    public static async Task ReleaseAsync(TestDatabase database, IEnumerable<string> moreConnectionStrings, bool drop)
    {
        foreach (var connectionString in moreConnectionStrings.Append(database.AppConnectionString).Append(database.OwnerConnectionString).Distinct())
        {
            await using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }

        if (drop)
        {
            // A closed connection's server process takes a moment to exit; until it has, the database is in use (and FORCE
            // would have to terminate a backend of the application role, which the owner may not do). Wait for them; a
            // database still held after that (a listener slow to close) is left to the run's clean-up.
            for (var attempt = 1; attempt <= 50; attempt++)
            {
                try
                {
                    await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database.Name}\"");
                    return;
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse)
                {
                    await Task.Delay(100);
                }
            }
        }
    }

    /// <summary>An empty database, for tests of the migration path itself.</summary>
    public static async Task<TestDatabase> CreateBlankDatabaseAsync()
    {
        var name = NewName();
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return Describe(name);
    }

    /// <summary>
    /// Migrates a blank database exactly as the host does at start-up (migrations as the owner, grants to the
    /// application role, Hangfire's schema, the row-level security check), and nothing else: no ROOT tenant,
    /// no key check, no pack registry, so each copy starts as a freshly migrated database would.
    /// </summary>
    private static async Task<string> BuildTemplateAsync()
    {
        var database = await CreateBlankDatabaseAsync();

        // A template must have no open sessions when it is copied: these connections are not pooled, so
        // nothing stays connected to it once the migration is done.
        var owner = database.OwnerConnectionString + ";Pooling=false";
        var app = database.AppConnectionString + ";Pooling=false";
        var appOptions = new DbContextOptionsBuilder<PostgresServiceProDbContext>()
            .UseNpgsql(app)
            .UseSnakeCaseNamingConvention()
            .Options;
        await using var appDb = new PostgresServiceProDbContext(appOptions, new TenantContext());
        var migrator = new DatabaseMigrator(
            new DatabaseConnections(DatabaseProvider.Postgres, app, owner), appDb, [new JobStorageSchema()], NullLogger<DatabaseMigrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);
        return database.Name;
    }

    private static string NewName() => Prefix.Value + Guid.NewGuid().ToString("N")[..16];

    /// <summary>
    /// This run's name prefix: tests/run.sh passes one (and drops the run's databases by it at the end); a plain
    /// `dotnet test` makes its own in the same shape, start time first, so that build/postgres.sh's clean-up of
    /// day-old databases from crashed runs finds these too.
    /// </summary>
    private static string RunPrefix()
    {
        var prefix = Environment.GetEnvironmentVariable("SERVICEPRO_TEST_DB_PREFIX");
        if (string.IsNullOrEmpty(prefix))
        {
            return $"sp_test_{DateTime.UtcNow:yyyyMMddHHmm}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}_";
        }

        // The prefix ends up in SQL identifiers and in the clean-up's pattern: accept only the shape run.sh makes.
        if (!Regex.IsMatch(prefix, "^sp_test_[0-9a-z_]{1,30}_$", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            throw new InvalidOperationException($"SERVICEPRO_TEST_DB_PREFIX '{prefix}' is not of the form sp_test_<run id>_.");
        }

        return prefix;
    }

    private static TestDatabase Describe(string name) =>
        new(name, $"{AppServer};Database={name}", $"{OwnerServer};Database={name}");

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(OwnerServer + ";Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Variable(string name) =>
        Environment.GetEnvironmentVariable(name)
        ?? throw new InvalidOperationException(
            $"{name} is not set. Run the tests with tests/run.sh, which starts PostgreSQL and creates the test roles.");
}
