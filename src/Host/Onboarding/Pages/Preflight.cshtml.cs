using Microsoft.AspNetCore.Mvc;
using ServicePro.Host.Admin;
using ServicePro.Host.Onboarding;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Onboarding.Pages;

/// <summary>Step 9: the live checklist of everything switched on, each failing item with its fix, and go-live.</summary>
public sealed class PreflightModel(OnboardingWizard wizard) : WizardStepModel(wizard)
{
    public override string StepKey => OnboardingSteps.Preflight;

    public PreflightReport Report { get; private set; } = null!;

    public bool Live => Onboarding.TenantStatus == "active";

    public int Passing => Report.Items.Count(i => i.Ok);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Report = await Wizard.PreflightAsync(ct);
        await LoadOnboardingAsync(ct);
    }

    public async Task<IActionResult> OnPostGoLiveAsync(CancellationToken ct)
    {
        var (result, _) = await Wizard.GoLiveAsync(Actor, ct);
        if (result.Outcome == WizardOutcome.Done)
        {
            Notice = "You're live! Customers can book with you now.";
        }
        else
        {
            Problem = "Not live yet. " + result.Detail;
        }

        return Redirect(StepUrl(StepKey));
    }
}
