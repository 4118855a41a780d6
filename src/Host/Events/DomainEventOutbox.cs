using ServicePro.Host.Persistence;

namespace ServicePro.Host.Events;

/// <summary>Records events in the same unit of work as the change they describe, and asks for delivery once it is committed.</summary>
public sealed class DomainEventOutbox(ServiceProDbContext db, DomainEventDelivery delivery, TimeProvider clock)
{
    /// <summary>Adds the event to the pending changes; it is stored by the caller's SaveChanges or not at all.</summary>
    public void Record(string type, Guid entityId, Dictionary<string, string?>? data = null) =>
        db.DomainEvents.Add(new DomainEvent
        {
            Id = Guid.CreateVersion7(),
            Type = type,
            EntityId = entityId.ToString(),
            Data = data ?? [],
            OccurredAt = clock.GetUtcNow(),
        });

    /// <summary>Call after SaveChanges succeeded. If the process dies before this, the dispatcher's sweep delivers instead.</summary>
    public void RequestDelivery() => delivery.Request(db.CurrentTenantId);
}
