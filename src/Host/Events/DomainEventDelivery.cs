using System.Collections.Concurrent;
using System.Threading.Channels;
using Hangfire;

namespace ServicePro.Host.Events;

/// <summary>
/// Delivers a tenant's new events as soon as the change that recorded them is committed, in this process: a request
/// only drops the tenant's id in a queue, where a Hangfire job per change would cost a handful of writes to the job
/// store before any subscriber runs. The events themselves are rows (the outbox), so nothing is lost when the queue is:
/// a delivery that fails is handed to Hangfire to retry with backoff, and the dispatcher's sweep delivers whatever a
/// stopped process left behind.
/// </summary>
public sealed class DomainEventDelivery(DomainEventDispatcher dispatcher, IBackgroundJobClient jobs, ILogger<DomainEventDelivery> logger)
    : BackgroundService
{
    /// <summary>When Hangfire first tries again a delivery that failed here.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    // Tenants waiting in the queue: many changes for one tenant before its turn come to one delivery run.
    private readonly ConcurrentDictionary<Guid, byte> _waiting = new();

    /// <summary>Call after the change that recorded events for the tenant is committed.</summary>
    public void Request(Guid tenantId)
    {
        if (_waiting.TryAdd(tenantId, 0))
        {
            _queue.Writer.TryWrite(tenantId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var tenantId in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            // Off the list first: events recorded while this run goes on ask for a run of their own.
            _waiting.TryRemove(tenantId, out _);
            try
            {
                await dispatcher.DispatchAsync(tenantId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Delivering events for tenant {TenantId} failed; Hangfire will try again", tenantId);
                jobs.Schedule<DomainEventDispatcher>(d => d.DispatchAsync(tenantId, CancellationToken.None), RetryAfter);
            }
        }
    }
}
