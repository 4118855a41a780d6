using System.CommandLine;
using ServicePro.Host.Features;
using ServicePro.Host.Hosting;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Tenancy;

/// <summary>
/// Tenants: how a request finds its business, the directory and caches behind that, tenant administration (API,
/// host commands) and the ROOT tenant seeded at start-up.
/// </summary>
public sealed class TenancyModule : HostModule
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TenancyOptions>().BindConfiguration(TenancyOptions.Section);
        builder.Services.AddSingleton<TenantAddresses>();
        builder.Services.AddSingleton<TenantDirectory>();
        builder.Services.AddSingleton<TenantScopeFactory>();
        builder.Services.AddSingleton<TenantChanges>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TenantChanges>());
        builder.Services.AddScoped<TenantAdministration>();
        builder.Services.AddScoped<RootTenantSeeder>();
        builder.Services.AddStartupTask<SeedRootTenant>();
        builder.Services.AddHostCommand(TenantCommands.Create);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapTenantEndpoints();

    /// <summary>ROOT exists once the database is migrated and the packs are recorded.</summary>
    private sealed class SeedRootTenant : IStartupTask
    {
        public int Order => 30;

        public Task RunAsync(IServiceProvider services, CancellationToken ct) =>
            services.GetRequiredService<RootTenantSeeder>().SeedAsync(ct);
    }
}
