using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using ServicePro.Host.Persistence;
using ServicePro.Host.Plugins;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Hosting;

public static class StartupTasks
{
    /// <summary>Migrate, check the master keys, record the loaded packs, seed ROOT; then report ready.</summary>
    public static async Task PrepareAsync(this WebApplication app, CancellationToken ct = default)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            if (scope.ServiceProvider.GetRequiredService<IOptions<ServiceProOptions>>().Value.Database.MigrateOnStartup)
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            }

            await scope.ServiceProvider.GetRequiredService<Secrets.KeyCheckVerifier>().VerifyAsync(ct);
            await scope.ServiceProvider.GetRequiredService<IndustryPackRegistry>().SyncAsync(ct);
            await scope.ServiceProvider.GetRequiredService<RootTenantSeeder>().SeedAsync(ct);
        }

        app.Services.GetRequiredService<StartupState>().IsReady = true;
    }

    /// <summary>Says where to point a browser once the server is listening.</summary>
    public static WebApplication PrintAddressesOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (address is null)
            {
                return;
            }

            var baseDomain = app.Services.GetRequiredService<IOptions<ServiceProOptions>>().Value.BaseDomain;
            var uri = new Uri(address.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal));
            app.Logger.LogInformation(
                "ServicePro is running. ROOT tenant (Clean Machine): {RootUrl} or {RootSubdomainUrl} · operators: {PlatformUrl} · API reference: {DocsUrl}",
                $"{uri.Scheme}://localhost:{uri.Port}/t/root/admin",
                $"{uri.Scheme}://root.{baseDomain}:{uri.Port}/admin",
                $"{uri.Scheme}://localhost:{uri.Port}/admin/platform/tenants",
                $"{uri.Scheme}://localhost:{uri.Port}/scalar");
        });
        return app;
    }
}
