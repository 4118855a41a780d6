using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.Server;
using Hangfire.Storage;

namespace ServicePro.Host.Jobs;

/// <summary>
/// A recurring job's run is skipped while an earlier run of the same recurring job still goes, on any server. Sweeps
/// turn database state into work, so a second one alongside the first only does the same work again: the reminder
/// sweep over a thousand tenants with a backlog can take longer than the minute between its runs, and each run that
/// started beside it made it slower still. The lock lives in Hangfire's storage (shared by every instance); a
/// skipped run ends at once (as "deleted"), and the next one on the schedule picks up whatever is left. A run whose
/// process died keeps the lock until the storage lets it go (Hangfire.PostgreSql's DistributedLockTimeout, 10 minutes):
/// until then that sweep skips its turns.
/// </summary>
public sealed class OneRunAtATime(ILogger<OneRunAtATime> logger) : IServerFilter
{
    private const string HeldLock = "ServicePro.RecurringRunLock";

    /// <summary>The storage lock a run of <paramref name="recurringJobId"/> holds.</summary>
    public static string Resource(string recurringJobId) => $"servicepro:recurring-run:{recurringJobId}";

    public void OnPerforming(PerformingContext context)
    {
        if (context.GetJobParameter<string>("RecurringJobId") is not { Length: > 0 } recurringJobId)
        {
            return;
        }

        try
        {
            context.Items[HeldLock] = context.Connection.AcquireDistributedLock(Resource(recurringJobId), TimeSpan.Zero);
        }
        catch (Exception ex) when (ex is DistributedLockTimeoutException or PostgreSqlDistributedLockException)
        {
            logger.LogInformation("Recurring job {RecurringJobId} skipped a run: the previous run is still going", recurringJobId);
            context.Canceled = true;
        }
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.Remove(HeldLock, out var held))
        {
            ((IDisposable)held).Dispose();
        }
    }

    /// <summary>Hangfire's usual filters plus this one, for this host's server and client only: adding it to
    /// GlobalJobFilters would add it again for every host started in the same process (tests start dozens).</summary>
    public static IJobFilterProvider WithDefaults(OneRunAtATime filter) =>
        new JobFilterProviderCollection(JobFilterProviders.Providers, new JobFilterCollection { filter });
}
