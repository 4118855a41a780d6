using ServicePro.Abstractions;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Tenancy;

/// <summary>A tenant being created, on its pack, by <paramref name="Actor"/>: what each capability sets up from.</summary>
public sealed record NewTenant(Tenant Tenant, IIndustryPack Pack, string Actor, DateTimeOffset Now);

/// <summary>
/// What a capability gives a new tenant (the catalog its pack's services, messaging its templates, onboarding its
/// progress), added to the same unit of work as the tenant itself, so a tenant exists with all of it or not at all.
/// Tenancy creates tenants without knowing those capabilities: each registers one of these.
/// </summary>
public interface INewTenantSetup
{
    void AddTo(ServiceProDbContext db, NewTenant tenant);
}
