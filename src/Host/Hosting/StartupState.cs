using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ServicePro.Host.Hosting;

/// <summary>Healthy once the database is migrated, the plugin registry synced and ROOT seeded.</summary>
public sealed class StartupState : IHealthCheck
{
    public bool IsReady { get; set; }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(IsReady ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Still starting: migrations and plugins."));
}
