namespace ServicePro.Host.Events;

/// <summary>
/// A capability's reaction to domain events. Registered in DI; runs in a scope acting for the event's tenant,
/// after the change is committed. Delivery is at least once (a failure anywhere retries the event for every
/// handler), so a handler must be safe to run twice — keep its own record of what it has done.
/// </summary>
public interface IDomainEventHandler
{
    /// <summary>Called for every event; ignore the types you do not care about.</summary>
    Task HandleAsync(DomainEvent domainEvent, CancellationToken ct);
}
