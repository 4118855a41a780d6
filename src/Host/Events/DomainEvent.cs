using ServicePro.Host.Persistence;

namespace ServicePro.Host.Events;

/// <summary>
/// Something that happened to a tenant's data ("booking.created"), written in the same transaction as the change
/// (an outbox) and handed to every subscriber afterwards by a retriable job, so no event is lost on a crash.
/// </summary>
public sealed class DomainEvent : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public required string Type { get; set; }
    public required string EntityId { get; set; }
    public Dictionary<string, string?> Data { get; set; } = [];
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>Set once every subscriber has handled it.</summary>
    public DateTimeOffset? DispatchedAt { get; set; }

    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
