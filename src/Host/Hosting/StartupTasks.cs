using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ServicePro.Host.Hosting;

/// <summary>
/// Work a capability needs done once before the host answers (migrate, check the master keys, record the loaded
/// packs, seed ROOT). Tasks run in <see cref="Order"/>, each in its own scope; commands run them too, so a command on
/// a brand-new database finds its tables.
/// </summary>
public interface IStartupTask
{
    /// <summary>Lower runs first: the database is migrated (0) before anything reads it.</summary>
    int Order { get; }

    Task RunAsync(IServiceProvider services, CancellationToken ct);
}

public static class StartupTasks
{
    public static IServiceCollection AddStartupTask<TTask>(this IServiceCollection services)
        where TTask : class, IStartupTask =>
        services.AddSingleton<IStartupTask, TTask>();

    /// <summary>Runs every module's start-up task, then reports ready.</summary>
    public static async Task PrepareAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        foreach (var task in services.GetServices<IStartupTask>().OrderBy(t => t.Order))
        {
            await using var scope = services.CreateAsyncScope();
            await task.RunAsync(scope.ServiceProvider, ct);
        }

        services.GetRequiredService<StartupState>().IsReady = true;
    }

    /// <summary>Says where to point a browser once the server is listening.</summary>
    public static WebApplication PrintAddressesOnStart(this WebApplication app, string baseDomain)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (address is null)
            {
                return;
            }

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
