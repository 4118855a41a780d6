using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Plugins;

/// <summary><c>plugins check &lt;folder&gt;</c>, run as a partner runs it before deploying a pack.</summary>
public sealed class PluginCheckCommandTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestPostgres.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Checking_a_broken_pack_prints_every_problem_in_words_and_exits_non_zero_and_a_good_one_passes()
    {
        var broken = await HostProcess.RunAsync(_database, "plugins", "check", Path.Combine(RepoPaths.TestPlugins, "ServicePro.Fixtures.BrokenContentPack"));
        var good = await HostProcess.RunAsync(_database, "plugins", "check", Path.Combine(RepoPaths.TestPlugins, "ServicePro.Fixtures.PartnerPack"));
        var empty = await HostProcess.RunAsync(_database, "plugins", "check", Path.GetTempPath());

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("7 problems (failed):", broken.Output);
        Assert.Contains("  - The buffer between jobs must be 0 to 240 minutes (got -30).", broken.Output);
        Assert.Contains("  - The SMS template for 'reminder': The template uses {{ customer.nickname }}", broken.Output);
        Assert.True(good.ExitCode == 0, good.Output);
        Assert.Contains("OK: it loads and passes every rule (2 services, 2 intake questions).", good.Output);
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains("has no plugin.json", empty.Output);
    }
}
