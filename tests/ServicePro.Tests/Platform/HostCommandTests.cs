using System.Diagnostics;
using Npgsql;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Platform;

/// <summary>The operator's operations as host sub-commands, run as a real process against a fresh database.</summary>
public sealed class HostCommandTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateBlankDatabaseAsync();
        var migrate = await RunAsync("migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Output);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Operators_manage_tenants_flags_staff_and_plugins_from_the_command_line()
    {
        var created = await RunAsync("tenants", "create", "--slug", "acme", "--name", "Acme Lawn", "--pack", "lawn_care",
            "--owner-email", "owner@acme.example.com", "--owner-password", ServiceProApp.Password);
        Assert.True(created.ExitCode == 0, created.Output);
        Assert.Contains("Created acme (Acme Lawn) on lawn_care", created.Output);

        var again = await RunAsync("tenants", "create", "--slug", "acme", "--name", "Acme Again", "--pack", "lawn_care");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("This address is taken", again.Output);

        var badPack = await RunAsync("tenants", "create", "--slug", "pipes", "--name", "Pipes", "--pack", "plumbing");
        Assert.Equal(1, badPack.ExitCode);
        Assert.Contains("industry", badPack.Output);

        var list = await RunAsync("tenants", "list");
        Assert.Contains(list.Output.Split('\n'), l => l.StartsWith("acme ", StringComparison.Ordinal) && l.Contains("onboarding") && l.Contains("lawn_care"));
        Assert.Contains(list.Output.Split('\n'), l => l.StartsWith("root ", StringComparison.Ordinal) && l.Contains("active"));

        var flag = await RunAsync("tenants", "set-flag", "acme", "docs_cms_enabled", "true");
        Assert.True(flag.ExitCode == 0, flag.Output);
        Assert.Equal("true", await FlagAsync("acme", "docs_cms_enabled"));
        Assert.Equal(1, (await RunAsync("tenants", "set-flag", "acme", "teleport_enabled", "true")).ExitCode);

        var staff = await RunAsync("staff", "add", "--tenant", "acme", "--email", "tech@acme.example.com", "--password", ServiceProApp.Password, "--role", "technician");
        Assert.True(staff.ExitCode == 0, staff.Output);
        Assert.Equal(0, (await RunAsync("operators", "add", "--email", "ops@example.com", "--password", ServiceProApp.Password)).ExitCode);

        Assert.Contains("acme: suspended", (await RunAsync("tenants", "suspend", "acme")).Output);
        Assert.Contains("acme: onboarding", (await RunAsync("tenants", "reactivate", "acme")).Output);
        Assert.Contains("acme: deleted", (await RunAsync("tenants", "delete", "acme")).Output);
        Assert.Equal(1, (await RunAsync("tenants", "delete", "root")).ExitCode);

        var rotate = await RunAsync("secrets", "rotate");
        Assert.True(rotate.ExitCode == 0, rotate.Output);
        Assert.Contains(rotate.Output.Split('\n'), l => l.StartsWith("root ", StringComparison.Ordinal) && l.Contains("re-wrapped 0"));
        Assert.Contains("Active master key version: 1", (await RunAsync("secrets", "status")).Output);

        var plugins = await RunAsync("plugins", "list");
        foreach (var pack in new[] { "auto_detail", "lawn_care", "pet_grooming", "house_cleaning", "custom" })
        {
            Assert.Contains(plugins.Output.Split('\n'), l => l.StartsWith(pack + " ", StringComparison.Ordinal) && l.Contains("loaded"));
        }
    }

    private async Task<string?> FlagAsync(string slug, string flag)
    {
        await using var connection = new NpgsqlConnection(_database.AppConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT set_config('app.tenant_id', (SELECT id::text FROM tenants WHERE slug = @slug), false);
            SELECT flags ->> @flag FROM tenant_settings;
            """, connection);
        command.Parameters.AddWithValue("slug", slug);
        command.Parameters.AddWithValue("flag", flag);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        return await reader.ReadAsync() ? reader.GetString(0) : null;
    }

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) => HostProcess.RunAsync(_database, args);
}
