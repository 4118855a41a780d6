using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePro.Host.Integrations;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Onboarding;

/// <summary>
/// Background triggers for A2P registration: submit, then look again every poll interval until the
/// carriers decide. Each run reads and writes the truth in a2p_registrations, so a retried, repeated or
/// lost run costs nothing.
/// </summary>
public sealed class A2pJobs(
    IServiceScopeFactory scopes,
    TenantScopeFactory tenantScopes,
    IBackgroundJobClient jobs,
    IOptions<IntegrationsOptions> options,
    ILogger<A2pJobs> logger)
{
    [AutomaticRetry(Attempts = 5)]
    public Task SubmitAsync(Guid tenantId, CancellationToken ct) => AdvanceAsync(tenantId, ct);

    [AutomaticRetry(Attempts = 5)]
    public Task PollAsync(Guid tenantId, CancellationToken ct) => AdvanceAsync(tenantId, ct);

    private async Task AdvanceAsync(Guid tenantId, CancellationToken ct)
    {
        Tenant? tenant;
        await using (var platform = scopes.CreateAsyncScope())
        {
            tenant = await platform.ServiceProvider.GetRequiredService<ServiceProDbContext>().Tenants.AsNoTracking()
                .FirstOrDefaultAsync(t => t.Id == tenantId, ct);
        }

        if (tenant is null or { Status: TenantStatus.Deleted or TenantStatus.Suspended })
        {
            logger.LogWarning("A2P job for tenant {TenantId} skipped: the tenant is {State}", tenantId,
                tenant is null ? "unknown" : SnakeCaseEnum.ToName(tenant.Status));
            return;
        }

        await using var scope = tenantScopes.Begin(TenantInfo.From(tenant));
        var decided = await scope.ServiceProvider.GetRequiredService<A2pRegistrations>().AdvanceAsync(ct);
        if (!decided)
        {
            jobs.Schedule<A2pJobs>(j => j.PollAsync(tenantId, CancellationToken.None), TimeSpan.FromSeconds(options.Value.A2pPollIntervalSeconds));
        }
    }
}
