using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Onboarding;

/// <summary>
/// The current tenant's step-by-step progress, the "current step" pointer kept on the tenant, and the
/// capability flag behind each optional step: skipping turns it off, completing turns it back on.
/// </summary>
public sealed class OnboardingProgressStore(ServiceProDbContext db, TenantAdministration tenants, TimeProvider clock)
{
    public async Task<Dictionary<string, OnboardingStepStatus>> GetAsync(CancellationToken ct) =>
        await db.OnboardingProgress.AsNoTracking().ToDictionaryAsync(r => r.Step, r => r.Status, ct);

    public async Task SetAsync(string step, OnboardingStepStatus status, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = await db.OnboardingProgress.FirstOrDefaultAsync(r => r.Step == step, ct);
        if (row is null)
        {
            db.OnboardingProgress.Add(new OnboardingStepRecord { Step = step, Status = status, UpdatedBy = actor, UpdatedAt = now });
        }
        else if (row.Status != status)
        {
            row.Status = status;
            row.UpdatedBy = actor;
            row.UpdatedAt = now;
        }

        await db.SaveChangesAsync(ct);

        var progress = await GetAsync(ct);
        var tenant = await db.Tenants.FirstAsync(t => t.Id == db.CurrentTenantId, ct);
        tenant.OnboardingStep = WizardSteps.All
            .FirstOrDefault(s => progress.GetValueOrDefault(s.Key) == OnboardingStepStatus.Pending)?.Key ?? OnboardingSteps.Preflight;
        tenant.UpdatedAt = now;
        await db.SaveChangesAsync(ct);

        if (WizardSteps.Find(step)?.Flag is { } flag && status != OnboardingStepStatus.Pending)
        {
            var enabled = status == OnboardingStepStatus.Completed;
            var flags = await tenants.FlagsAsync(tenant, ct);
            if (flags.GetValueOrDefault(flag) != enabled)
            {
                await tenants.SetFlagAsync(tenant, flag, enabled, actor, ct);
            }
        }
    }
}
