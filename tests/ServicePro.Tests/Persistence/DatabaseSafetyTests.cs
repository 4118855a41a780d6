using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Persistence;

public sealed class DatabaseSafetyTests
{
    [Fact]
    public async Task The_host_refuses_to_run_as_the_role_that_owns_the_tables()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ServicePro:Database:Provider"] = "Postgres",
                ["ConnectionStrings:ServicePro"] = database.OwnerConnectionString,
                ["ConnectionStrings:ServiceProMigrations"] = database.OwnerConnectionString,
            }));
        });

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("must use a different role", Flatten(failure));
    }

    [Fact]
    public async Task The_host_refuses_PostgreSQL_without_a_migration_connection()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ServicePro:Database:Provider"] = "Postgres",
                ["ConnectionStrings:ServicePro"] = database.AppConnectionString,
            }));
        });

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("ServiceProMigrations", Flatten(failure));
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}
