using ServicePro.Host.Persistence;

namespace ServicePro.Host.Catalog;

/// <summary>A service a tenant sells; seeded from its industry pack and theirs to edit.</summary>
public sealed class TenantService : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public decimal PriceMin { get; set; }
    public decimal PriceMax { get; set; }
    public int DurationMinutes { get; set; }
    public int MaxDurationMinutes { get; set; }
    public bool IsOutdoor { get; set; }

    /// <summary>The pack service it was seeded from, so the pack can still estimate it; null for a tenant's own.</summary>
    public string? PackServiceKey { get; set; }

    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
