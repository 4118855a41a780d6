using Npgsql;

namespace ServicePro.Tests.Infrastructure;

public sealed record TestDatabase(string Name, string AppConnectionString, string OwnerConnectionString);

/// <summary>
/// The PostgreSQL server tests/run.sh started, and the two roles it made: an owner (runs migrations) and
/// a plain application role. Every test context gets a database of its own.
/// </summary>
public static class TestPostgres
{
    public static string OwnerServer => Variable("SERVICEPRO_TEST_PG_OWNER");

    public static string AppServer => Variable("SERVICEPRO_TEST_PG_APP");

    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var name = "sp_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(OwnerServer + ";Database=postgres"))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new TestDatabase(name, $"{AppServer};Database={name}", $"{OwnerServer};Database={name}");
    }

    private static string Variable(string name) =>
        Environment.GetEnvironmentVariable(name)
        ?? throw new InvalidOperationException(
            $"{name} is not set. Run the tests with tests/run.sh, which starts PostgreSQL and creates the test roles.");
}
