using ServicePro.Host.Hosting;

namespace ServicePro.Host.Plugins;

/// <summary>
/// The plugin catalog and what it exposes. One container for all tenants: packs are shared singletons and a tenant
/// picks its pack by slug (docs/decisions/0002-plugin-contract.md).
/// </summary>
public sealed class PluginsModule : HostModule
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PluginsOptions>().BindConfiguration(PluginsOptions.Section);
        builder.Services.AddSingleton<PluginCatalog>();
        builder.Services.AddScoped<IndustryPackRegistry>();
        builder.Services.AddStartupTask<RecordLoadedPacks>();
        builder.Services.AddHostCommand(PluginCommands.Create);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapIndustryPackEndpoints();

    /// <summary>The industry_packs table lists what this server loaded, before ROOT is seeded on one of them.</summary>
    private sealed class RecordLoadedPacks : IStartupTask
    {
        public int Order => 20;

        public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
            services.GetRequiredService<IndustryPackRegistry>().SyncAsync(ct);
    }
}
