using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Tenancy;

/// <summary>
/// Finds tenants by slug or custom domain. Hits are cached for a minute and misses for a few seconds;
/// every change made through <see cref="TenantAdministration"/> evicts the tenant on every instance at once
/// (<see cref="TenantChanges"/>), so the next request sees it; the expiry is a backstop if the feed is down.
/// </summary>
public sealed class TenantDirectory(IServiceScopeFactory scopes, IMemoryCache cache)
{
    private static readonly TimeSpan HitLifetime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MissLifetime = TimeSpan.FromSeconds(5);

    public ValueTask<TenantInfo?> FindBySlugAsync(string slug, CancellationToken ct = default) => FindAsync(Lookup.Slug, slug, ct);

    public ValueTask<TenantInfo?> FindByDomainAsync(string domain, CancellationToken ct = default) => FindAsync(Lookup.Domain, domain, ct);

    public void Evict(string slug, string? customDomain)
    {
        cache.Remove(new CacheKey(Lookup.Slug, slug.ToLowerInvariant()));
        if (customDomain is not null)
        {
            cache.Remove(new CacheKey(Lookup.Domain, customDomain.ToLowerInvariant()));
        }
    }

    /// <remarks>On the hot path: a cache hit costs one dictionary lookup; the query is built only on a miss.</remarks>
    private ValueTask<TenantInfo?> FindAsync(Lookup lookup, string value, CancellationToken ct)
    {
        // Slugs and domains are stored lower-case.
        var key = new CacheKey(lookup, value.ToLowerInvariant());
        return cache.TryGetValue(key, out TenantInfo? cached) ? ValueTask.FromResult(cached) : LoadAsync(key, ct);
    }

    private async ValueTask<TenantInfo?> LoadAsync(CacheKey key, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceProDbContext>();
        var tenants = db.Tenants.AsNoTracking();
        var tenant = key.Lookup == Lookup.Slug
            ? await tenants.FirstOrDefaultAsync(t => t.Slug == key.Value, ct)
            : await tenants.FirstOrDefaultAsync(t => t.CustomDomain == key.Value, ct);
        var info = tenant is null ? null : TenantInfo.From(tenant);
        cache.Set(key, info, info is null ? MissLifetime : HitLifetime);
        return info;
    }

    private enum Lookup
    {
        Slug,
        Domain,
    }

    private readonly record struct CacheKey(Lookup Lookup, string Value);
}
