namespace ServicePro.Tests.Infrastructure;

/// <summary>
/// Another host instance on an existing database — a second server behind the load balancer, or the same
/// database after a configuration change. <paramref name="overrides"/> replace the defaults; the master key
/// defaults are dropped so each instance states its own.
/// </summary>
public sealed class SharedDatabaseApp(TestDatabase database, Dictionary<string, string?> overrides) : ServiceProApp
{
    public override Task InitializeAsync()
    {
        Database = database;
        _ = Services;
        return Task.CompletedTask;
    }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings.Remove("ServicePro:Secrets:Keys:1");
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }
    }
}
