using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ServicePro.Host.Auditing;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Features;

/// <summary>
/// A tenant's effective flags, cached per tenant and evicted on every change (here, and on other instances
/// through <see cref="Tenancy.TenantChanges"/>), so a switch takes effect on the tenant's next request and on
/// no other tenant.
/// </summary>
public sealed class TenantFlagStore(TenantScopeFactory tenantScopes, IMemoryCache cache, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async ValueTask<IReadOnlyDictionary<string, bool>> GetAsync(TenantInfo tenant, CancellationToken ct = default)
    {
        if (cache.TryGetValue(Key(tenant.Id), out IReadOnlyDictionary<string, bool>? flags))
        {
            return flags!;
        }

        await using var scope = tenantScopes.Begin(tenant);
        var db = scope.ServiceProvider.GetRequiredService<ServiceProDbContext>();
        var stored = await db.TenantSettings.AsNoTracking().Select(s => s.Flags).FirstOrDefaultAsync(ct) ?? [];
        flags = PlatformFlags.Resolve(stored);
        cache.Set(Key(tenant.Id), flags, Lifetime);
        return flags;
    }

    public async ValueTask<bool> IsEnabledAsync(TenantInfo tenant, string flag, CancellationToken ct = default) =>
        (await GetAsync(tenant, ct)).GetValueOrDefault(flag);

    /// <summary>Sets one flag for one tenant, audited; the caller has checked that the flag is known.</summary>
    public async Task SetAsync(TenantInfo tenant, string flag, bool enabled, string actor, CancellationToken ct = default)
    {
        await using (var scope = tenantScopes.Begin(tenant))
        {
            var db = scope.ServiceProvider.GetRequiredService<ServiceProDbContext>();
            var settings = await db.TenantSettings.FirstAsync(ct);
            var before = settings.Flags.TryGetValue(flag, out var b) ? b : (bool?)null;
            settings.Flags = new Dictionary<string, bool>(settings.Flags) { [flag] = enabled };
            settings.UpdatedAt = clock.GetUtcNow();
            db.AuditLog.Add(AuditEntry.Create(clock, actor, "flag.set", "tenant_settings", flag,
                new Dictionary<string, string?> { ["from"] = before?.ToString(), ["to"] = enabled.ToString() }));
            await db.SaveChangesAsync(ct);
        }

        Evict(tenant.Id);
    }

    public void Evict(Guid tenantId) => cache.Remove(Key(tenantId));

    private static FlagsKey Key(Guid tenantId) => new(tenantId);

    private readonly record struct FlagsKey(Guid TenantId);
}
