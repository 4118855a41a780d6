using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Tenancy;

/// <summary>
/// Finds tenants by slug or custom domain. Hits are cached for a minute and misses for a few seconds;
/// every change made through <see cref="TenantAdministration"/> evicts the tenant at once, so the next
/// request sees it. The expiry bounds staleness on other instances (see docs/decisions/0004-tenant-resolution.md).
/// </summary>
public sealed class TenantDirectory(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private static readonly TimeSpan HitLifetime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MissLifetime = TimeSpan.FromSeconds(5);

    // Slugs and domains are stored lower-case, so the key is lowered once here rather than in SQL.
    public ValueTask<TenantInfo?> FindBySlugAsync(string slug, CancellationToken ct = default)
    {
        var key = slug.ToLowerInvariant();
        return FindAsync(SlugKey(key), t => t.Slug == key, ct);
    }

    public ValueTask<TenantInfo?> FindByDomainAsync(string domain, CancellationToken ct = default)
    {
        var key = domain.ToLowerInvariant();
        return FindAsync(DomainKey(key), t => t.CustomDomain == key, ct);
    }

    public void Evict(string slug, string? customDomain)
    {
        cache.Remove(SlugKey(slug));
        if (customDomain is not null)
        {
            cache.Remove(DomainKey(customDomain));
        }
    }

    private async ValueTask<TenantInfo?> FindAsync(
        string key, System.Linq.Expressions.Expression<Func<Tenant, bool>> match, CancellationToken ct)
    {
        if (cache.TryGetValue(key, out TenantInfo? cached))
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceProDbContext>();
        var tenant = await db.Tenants.AsNoTracking().Where(match).FirstOrDefaultAsync(ct);
        var info = tenant is null ? null : TenantInfo.From(tenant);
        cache.Set(key, info, info is null ? MissLifetime : HitLifetime);
        return info;
    }

    private static string SlugKey(string slug) => "tenant:slug:" + slug.ToLowerInvariant();

    private static string DomainKey(string domain) => "tenant:domain:" + domain.ToLowerInvariant();
}
