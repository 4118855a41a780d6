using ServicePro.Host.Persistence;

namespace ServicePro.Host.Auditing;

/// <summary>One recorded change in a tenant's data: who, what, when. Written in the same transaction as the change.</summary>
public sealed class AuditEntry : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>"user:{id}", "operator:api-key", "operator:{id}", "command-line" or "system".</summary>
    public required string Actor { get; set; }

    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public Dictionary<string, string?> Details { get; set; } = [];

    public static AuditEntry Create(
        TimeProvider clock, string actor, string action, string entityType, string? entityId,
        Dictionary<string, string?>? details = null) => new()
        {
            Id = Guid.CreateVersion7(),
            At = clock.GetUtcNow(),
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details ?? [],
        };
}
