using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Jobs;

/// <summary>
/// How background jobs act for tenants: find the tenants a sweep should visit, and open a scope acting for one
/// tenant (so its database work runs under that tenant's row-level security). Suspended and deleted tenants get
/// no background work.
/// </summary>
public sealed class TenantJobScopes(IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, ILogger<TenantJobScopes> logger)
{
    /// <summary>Tenants that are live or still setting up (every status but suspended and deleted, as in <see cref="BeginAsync"/>).</summary>
    public async Task<IReadOnlyList<Guid>> WorkingTenantIdsAsync(CancellationToken ct)
    {
        await using var platform = scopes.CreateAsyncScope();
        return await platform.ServiceProvider.GetRequiredService<ServiceProDbContext>().Tenants.AsNoTracking()
            .Where(t => t.Status != TenantStatus.Suspended && t.Status != TenantStatus.Deleted)
            .OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
    }

    /// <summary>A scope acting for the tenant, or null (logged) when the tenant is gone or suspended.</summary>
    public async Task<AsyncServiceScope?> BeginAsync(Guid tenantId, string job, CancellationToken ct)
    {
        Tenant? tenant;
        await using (var platform = scopes.CreateAsyncScope())
        {
            tenant = await platform.ServiceProvider.GetRequiredService<ServiceProDbContext>().Tenants.AsNoTracking()
                .FirstOrDefaultAsync(t => t.Id == tenantId, ct);
        }

        if (tenant is null or { Status: TenantStatus.Deleted or TenantStatus.Suspended })
        {
            logger.LogInformation("{Job} for tenant {TenantId} skipped: the tenant is {State}", job, tenantId,
                tenant is null ? "unknown" : SnakeCaseEnum.ToName(tenant.Status));
            return null;
        }

        return tenantScopes.Begin(TenantInfo.From(tenant));
    }
}
