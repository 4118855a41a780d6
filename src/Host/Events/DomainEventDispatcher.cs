using Hangfire;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Jobs;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Events;

/// <summary>
/// Hands recorded events to every <see cref="IDomainEventHandler"/>, oldest first. An event is claimed with a
/// conditional update before its handlers run, so two dispatchers never work on the same event at once; it is
/// marked dispatched only when all handlers succeeded, otherwise the run fails and Hangfire retries it. Runs are asked
/// for by <see cref="DomainEventDelivery"/> after each change and by the sweep.
/// </summary>
public sealed class DomainEventDispatcher(TenantJobScopes tenants, TimeProvider clock, ILogger<DomainEventDispatcher> logger)
{
    /// <summary>How many events one run delivers before it lets other work in.</summary>
    private const int BatchSize = 200;

    [AutomaticRetry(Attempts = 10)]
    public async Task DispatchAsync(Guid tenantId, CancellationToken ct)
    {
        await using var scope = await tenants.BeginAsync(tenantId, "Event delivery", ct);
        if (scope is not { } tenantScope)
        {
            return;
        }

        var db = tenantScope.ServiceProvider.GetRequiredService<ServiceProDbContext>();
        var handlers = tenantScope.ServiceProvider.GetServices<IDomainEventHandler>().ToList();
        var pending = await db.DomainEvents.AsNoTracking().Where(e => e.DispatchedAt == null)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
        Exception? firstFailure = null;
        foreach (var domainEvent in pending)
        {
            var claimed = await db.DomainEvents
                .Where(e => e.Id == domainEvent.Id && e.DispatchedAt == null && e.Attempts == domainEvent.Attempts)
                .ExecuteUpdateAsync(e => e.SetProperty(x => x.Attempts, domainEvent.Attempts + 1), ct);
            if (claimed == 0)
            {
                continue;
            }

            try
            {
                foreach (var handler in handlers)
                {
                    await handler.HandleAsync(domainEvent, ct);
                }

                await db.DomainEvents.Where(e => e.Id == domainEvent.Id)
                    .ExecuteUpdateAsync(e => e.SetProperty(x => x.DispatchedAt, clock.GetUtcNow()).SetProperty(x => x.LastError, (string?)null), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Delivering {EventType} {EventId} failed (attempt {Attempt})", domainEvent.Type, domainEvent.Id, domainEvent.Attempts + 1);
                var error = $"{ex.GetType().Name}: {ex.Message}";
                await db.DomainEvents.Where(e => e.Id == domainEvent.Id)
                    .ExecuteUpdateAsync(e => e.SetProperty(x => x.LastError, error.Length > 1000 ? error[..1000] : error), ct);
                firstFailure ??= ex;
            }
        }

        if (firstFailure is not null)
        {
            throw new InvalidOperationException("Some events could not be delivered; they will be tried again.", firstFailure);
        }
    }

    /// <summary>Delivers what a lost enqueue left behind. Runs every few minutes.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken ct)
    {
        foreach (var tenantId in await tenants.WorkingTenantIdsAsync(ct))
        {
            try
            {
                await DispatchAsync(tenantId, ct);
            }
            catch (InvalidOperationException ex)
            {
                logger.LogWarning(ex, "Event sweep: tenant {TenantId} still has undelivered events", tenantId);
            }
        }
    }
}
