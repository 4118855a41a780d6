using Hangfire;
using Microsoft.FeatureManagement;
using ServicePro.Abstractions;
using ServicePro.Host.Features;
using ServicePro.Host.Jobs;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Weather;

/// <summary>
/// Background triggers for the <see cref="WeatherWatch"/>: a recurring sweep that queues one check per tenant with
/// weather rescheduling on, so a tenant whose forecast can't be had is retried on its own without holding up the rest.
/// </summary>
public sealed class WeatherJobs(TenantJobScopes tenants, IFeatureManager features, IBackgroundJobClient jobs)
{
    public const string SweepJobId = "weather-watch-sweep";

    /// <summary>Every three hours: forecasts change slowly, and Open-Meteo's models update about that often.</summary>
    public const string SweepSchedule = "0 */3 * * *";

    private const string JobName = "Weather watch";

    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken ct)
    {
        foreach (var tenantId in await tenants.WorkingTenantIdsAsync(ct))
        {
            await using var scope = await tenants.BeginAsync(tenantId, JobName, ct);
            if (scope is not { } tenantScope)
            {
                continue;
            }

            var tenant = tenantScope.ServiceProvider.GetRequiredService<ITenantContext>().Tenant!;
            if (await features.IsEnabledAsync(FeatureFlags.WeatherRescheduling, new TenantFeatureContext(tenant)))
            {
                jobs.Enqueue<WeatherJobs>(j => j.CheckTenantAsync(tenantId, CancellationToken.None));
            }
        }
    }

    /// <summary>One tenant's check. A failed forecast fails the job (nothing was written) and Hangfire tries again later.</summary>
    [AutomaticRetry(Attempts = 5)]
    public async Task CheckTenantAsync(Guid tenantId, CancellationToken ct)
    {
        await using var scope = await tenants.BeginAsync(tenantId, JobName, ct);
        if (scope is { } tenantScope)
        {
            await tenantScope.ServiceProvider.GetRequiredService<WeatherWatch>().CheckAsync(ct);
        }
    }
}
