using System.CommandLine;
using ServicePro.Host.Hosting;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Secrets;

/// <summary><c>secrets rotate|status</c>: the master key's rotation, tenant by tenant.</summary>
public static class SecretCommands
{
    public static Command Create(IServiceProvider services)
    {
        var rotate = new Command("rotate",
            "Re-wrap every tenant's data keys under the active master key version. Safe to run while serving and to repeat.");
        rotate.SetAction(async (_, ct) => await ForEachTenantAsync(services, async (tenant, vault) =>
        {
            var count = await vault.RewrapAsync(ct);
            Console.WriteLine($"{tenant.Slug,-24} re-wrapped {count}");
        }, ct));
        var status = new Command("status", "How many secrets each master key version still wraps; a version at zero can be retired.");
        status.SetAction(async (_, ct) =>
        {
            var totals = new SortedDictionary<int, int>();
            var result = await ForEachTenantAsync(services, async (_, vault) =>
            {
                foreach (var (version, count) in await vault.CountByKeyVersionAsync(ct))
                {
                    totals[version] = totals.GetValueOrDefault(version) + count;
                }
            }, ct);
            var keys = services.GetRequiredService<IKeyEncryptionKeyProvider>();
            Console.WriteLine($"Active master key version: {keys.ActiveVersion}; configured: {string.Join(", ", keys.Versions)}");
            foreach (var version in keys.Versions.Union(totals.Keys).Order())
            {
                Console.WriteLine($"version {version}: {totals.GetValueOrDefault(version)} secret(s)");
            }

            return result;
        });
        var secrets = new Command("secrets", "The tenants' credential vault.");
        secrets.Subcommands.Add(rotate);
        secrets.Subcommands.Add(status);
        return secrets;
    }

    private static async Task<int> ForEachTenantAsync(
        IServiceProvider services, Func<TenantInfo, SecretVault, Task> action, CancellationToken ct) =>
        await HostCommands.InScope(services, async sp =>
        {
            foreach (var tenant in await sp.GetRequiredService<TenantAdministration>().ListAsync(ct))
            {
                await using var scope = sp.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(tenant));
                await action(TenantInfo.From(tenant), scope.ServiceProvider.GetRequiredService<SecretVault>());
            }

            return 0;
        });
}
