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

    /// <summary>
    /// The request's own holder, kept on the request: the resolution middleware sets it, and the request's scope
    /// answers it for <see cref="TenantContext"/> and <see cref="ITenantContext"/> (PersistenceModule), so that a
    /// request which needs no scope need not open one to know its tenant (docs/decisions/0017).
    /// </summary>
    public static TenantContext ForRequest(HttpContext context)
    {
        var holder = context.Features.Get<TenantContext>();
        if (holder is null)
        {
            holder = new TenantContext();
            context.Features.Set(holder);
        }

        return holder;
    }

    public void Set(TenantInfo tenant)
    {
        if (Tenant is not null && Tenant.Id != tenant.Id)
        {
            throw new InvalidOperationException("The tenant of a scope cannot change once set.");
        }

        Tenant = tenant;
    }
}
