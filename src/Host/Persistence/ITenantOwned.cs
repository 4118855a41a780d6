namespace ServicePro.Host.Persistence;

/// <summary>
/// A row that belongs to one tenant. Its table carries tenant_id in the primary key and in every foreign
/// key to another tenant-owned table, is filtered by EF Core, guarded on save, and (on PostgreSQL) protected
/// by a forced row-level-security policy. See docs/decisions/0003-tenant-isolation.md.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
