namespace ServicePro.Host.Tenancy;

/// <summary>The tenant the current unit of work (a request, a command, a job) acts for, if any.</summary>
public interface ITenantContext
{
    Guid? TenantId { get; }

    TenantInfo? Tenant { get; }
}

/// <summary>
/// Scoped holder of the current tenant. Set once per scope — by the resolution middleware for a request,
/// by <see cref="TenantScopeFactory"/> for work on behalf of a tenant — and never changed afterwards, so a
/// database connection opened in the scope always carries the same tenant.
/// </summary>
public sealed class TenantContext : ITenantContext
{
    public TenantInfo? Tenant { get; private set; }

    public Guid? TenantId => Tenant?.Id;

    public void Set(TenantInfo tenant)
    {
        if (Tenant is not null && Tenant.Id != tenant.Id)
        {
            throw new InvalidOperationException("The tenant of a scope cannot change once set.");
        }

        Tenant = tenant;
    }
}
