using ServicePro.Host.Admin;
using ServicePro.Host.Onboarding;

namespace ServicePro.Host.Onboarding.Pages;

/// <summary>The setup overview: how far the business is, every step with its status, and where to carry on.</summary>
public sealed class OnboardingOverviewModel(OnboardingWizard wizard) : OnboardingPageModel(wizard)
{
    public WizardStepView Resume => ViewOf(Onboarding.CurrentStep);

    public int Completed => Onboarding.Steps.Count(s => s.Status == "completed");

    public int Skipped => Onboarding.Steps.Count(s => s.Status == "skipped");

    public bool Live => Onboarding.TenantStatus == "active";

    public Task OnGetAsync(CancellationToken ct) => LoadOnboardingAsync(ct);
}
