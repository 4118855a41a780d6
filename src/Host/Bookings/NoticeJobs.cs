using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Bookings;

/// <summary>
/// Background triggers for customer notices: the every-minute reminder sweep over all tenants, and retries of
/// a notice the provider couldn't take. The notice rows hold the truth, so a repeated, late or lost run sends
/// nothing twice.
/// </summary>
public sealed class NoticeJobs(IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, ILogger<NoticeJobs> logger)
{
    public const string ReminderSweepJobId = "booking-reminders";

    /// <summary>Every tenant in business, one after another. No retry: the next minute's run is the retry.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepRemindersAsync(CancellationToken ct)
    {
        foreach (var tenant in await TenantsInBusinessAsync(ct))
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                await using var scope = tenantScopes.Begin(tenant);
                await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // One tenant's broken data must not hold back every other tenant's reminders.
                logger.LogError(ex, "Reminder sweep failed for tenant {TenantId}", tenant.Id);
            }
        }
    }

    /// <summary>Tries a failed notice again; throws while the provider still says "later", so Hangfire backs off and retries.</summary>
    [AutomaticRetry(Attempts = 5)]
    public async Task RetryAsync(Guid tenantId, Guid bookingId, string kind, DateTimeOffset forStartsAt, CancellationToken ct)
    {
        var tenant = (await TenantsInBusinessAsync(ct, tenantId)).SingleOrDefault();
        if (tenant is null)
        {
            logger.LogWarning("Notice retry for tenant {TenantId} skipped: the tenant is not in business", tenantId);
            return;
        }

        await using var scope = tenantScopes.Begin(tenant);
        var outcome = await scope.ServiceProvider.GetRequiredService<BookingNotices>()
            .SendAsync(new NoticeRequest(bookingId, kind) { ForStartsAt = forStartsAt }, ct);
        if (outcome is { Result: NoticeResult.Failed, Retriable: true })
        {
            throw new NoticeNotDeliveredException(outcome.Notice?.Detail ?? "The provider could not take the message.");
        }
    }

    /// <summary>Tenants that aren't suspended or deleted (all of them, or the one asked for).</summary>
    private async Task<List<TenantInfo>> TenantsInBusinessAsync(CancellationToken ct, Guid? only = null)
    {
        await using var platform = scopes.CreateAsyncScope();
        var tenants = await platform.ServiceProvider.GetRequiredService<ServiceProDbContext>().Tenants.AsNoTracking()
            .Where(t => t.Status != TenantStatus.Suspended && t.Status != TenantStatus.Deleted)
            .Where(t => only == null || t.Id == only)
            .OrderBy(t => t.Id)
            .ToListAsync(ct);
        return tenants.Select(TenantInfo.From).ToList();
    }
}

/// <summary>Schedules the retry of a notice the provider couldn't take yet.</summary>
public sealed class NoticeRetries(IBackgroundJobClient jobs, IOptions<NoticeOptions> options)
{
    public void Schedule(Guid tenantId, Guid bookingId, string kind, DateTimeOffset forStartsAt) =>
        jobs.Schedule<NoticeJobs>(j => j.RetryAsync(tenantId, bookingId, kind, forStartsAt, CancellationToken.None),
            TimeSpan.FromSeconds(options.Value.RetryDelaySeconds));
}

/// <summary>Thrown by a retry job so that Hangfire tries again later; the notice row already says why.</summary>
public sealed class NoticeNotDeliveredException(string detail) : Exception(detail);
