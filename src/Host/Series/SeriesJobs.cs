using Hangfire;
using ServicePro.Abstractions;
using ServicePro.Host.Bookings;
using ServicePro.Host.Features;
using ServicePro.Host.Jobs;
using ServicePro.Host.Tenancy;


namespace ServicePro.Host.Series;

/// <summary>
/// Hangfire triggers for <see cref="SeriesScheduler"/>: an hourly sweep over every working tenant, and one run for
/// a series as soon as it is created or resumed. The truth is in the series and occurrence rows, so a lost run
/// is made up by the next sweep and a repeated one does nothing.
/// </summary>
public sealed class SeriesJobs(TenantJobScopes tenants, TenantFlagStore flags, ILogger<SeriesJobs> logger)
{
    public const string SweepId = "recurring-series-sweep";

    /// <summary>Every hour, so a new day's dates are booked soon after midnight in every time zone.</summary>
    public const string SweepCron = "17 * * * *";

    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken ct)
    {
        var failed = 0;
        foreach (var tenantId in await tenants.WorkingTenantIdsAsync(ct))
        {
            try
            {
                await GenerateAsync(tenantId, seriesId: null, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One tenant's failure must not hold back the others; the next sweep tries it again.
                logger.LogError(ex, "Recurring series for tenant {TenantId} could not be generated", tenantId);
                failed++;
            }
        }

        if (failed > 0)
        {
            throw new InvalidOperationException($"Recurring series of {failed} tenant(s) could not be generated; see the log.");
        }
    }

    [AutomaticRetry(Attempts = 5)]
    public Task GenerateSeriesAsync(Guid tenantId, Guid seriesId, CancellationToken ct) => GenerateAsync(tenantId, seriesId, ct);

    private async Task GenerateAsync(Guid tenantId, Guid? seriesId, CancellationToken ct)
    {
        await using var scope = await tenants.BeginAsync(tenantId, "Recurring series", ct);
        if (scope is not { } tenantScope)
        {
            return;
        }

        var tenant = tenantScope.ServiceProvider.GetRequiredService<ITenantContext>().Tenant!;
        if (!await flags.IsEnabledAsync(tenant, FeatureFlags.RecurringServices, ct))
        {
            return;
        }

        var scheduler = tenantScope.ServiceProvider.GetRequiredService<SeriesScheduler>();
        var recorded = seriesId is { } id ? await scheduler.GenerateAsync(id, ct) : await scheduler.GenerateAllAsync(ct);
        if (recorded > 0)
        {
            logger.LogInformation("Recorded {Count} recurring occurrence(s) for tenant {TenantId}", recorded, tenantId);
        }
    }
}
