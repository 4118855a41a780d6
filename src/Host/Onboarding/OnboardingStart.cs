using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Onboarding;

/// <summary>
/// Where a new tenant's setup starts: choosing the pack at creation is the industry-pack step; a tenant created live
/// (ROOT, a migration) has done them all.
/// </summary>
public sealed class OnboardingStart : INewTenantSetup
{
    public void AddTo(ServiceProDbContext db, NewTenant tenant)
    {
        var live = tenant.Tenant.Status == TenantStatus.Active;
        if (live)
        {
            tenant.Tenant.OnboardingCompleted = true;
            tenant.Tenant.OnboardingStep = OnboardingSteps.Preflight;
        }

        db.OnboardingProgress.AddRange((live ? OnboardingSteps.All : [OnboardingSteps.IndustryPack])
            .Select(step => new OnboardingStepRecord
            {
                Step = step,
                Status = OnboardingStepStatus.Completed,
                UpdatedBy = tenant.Actor,
                UpdatedAt = tenant.Now,
            }));
    }
}
