using Hangfire;
using Microsoft.Extensions.Options;
using ServicePro.Host.Bookings;
using ServicePro.Host.Jobs;


namespace ServicePro.Host.Notices;

/// <summary>
/// Background triggers for customer notices: the every-minute reminder sweep over all tenants, and retries of
/// a notice the provider couldn't take. The notice rows hold the truth, so a repeated, late or lost run sends
/// nothing twice.
/// </summary>
public sealed class NoticeJobs(TenantJobScopes tenants, ILogger<NoticeJobs> logger)
{
    public const string ReminderSweepJobId = "booking-reminders";

    /// <summary>Every working tenant, one after another. No retry: the next minute's run is the retry.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepRemindersAsync(CancellationToken ct)
    {
        foreach (var tenantId in await tenants.WorkingTenantIdsAsync(ct))
        {
            try
            {
                await using var scope = await tenants.BeginAsync(tenantId, "Reminder sweep", ct);
                if (scope is { } tenantScope)
                {
                    await tenantScope.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(ct);
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // One tenant's broken data must not hold back every other tenant's reminders.
                logger.LogError(ex, "Reminder sweep failed for tenant {TenantId}", tenantId);
            }
        }
    }

    /// <summary>Tries a failed notice again; throws while the provider still says "later", so Hangfire backs off and retries.</summary>
    [AutomaticRetry(Attempts = 5)]
    public async Task RetryAsync(Guid tenantId, Guid bookingId, string kind, DateTimeOffset forStartsAt, CancellationToken ct)
    {
        await using var scope = await tenants.BeginAsync(tenantId, "Notice retry", ct);
        if (scope is not { } tenantScope)
        {
            return;
        }

        var outcome = await tenantScope.ServiceProvider.GetRequiredService<BookingNotices>()
            .SendAsync(new NoticeRequest(bookingId, kind) { ForStartsAt = forStartsAt }, ct);
        if (outcome is { Result: NoticeResult.Failed, Retriable: true })
        {
            throw new NoticeNotDeliveredException(outcome.Notice?.Detail ?? "The provider could not take the message.");
        }
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
