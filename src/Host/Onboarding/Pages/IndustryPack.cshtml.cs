using Microsoft.AspNetCore.Mvc;
using ServicePro.Abstractions;
using ServicePro.Host.Admin;
using ServicePro.Host.Onboarding;
using ServicePro.Host.Plugins;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Onboarding.Pages;

/// <summary>Step 2: the trade the business starts from (services, message templates, settings).</summary>
public sealed class IndustryPackModel(OnboardingWizard wizard, PluginCatalog plugins) : WizardStepModel(wizard)
{
    public override string StepKey => OnboardingSteps.IndustryPack;

    [BindProperty]
    public string? Pack { get; set; }

    /// <summary>The pack the business is on now.</summary>
    public string CurrentPack => Tenant.Industry;

    public IEnumerable<IIndustryPack> Packs => plugins.IndustryPacks.Values.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase);

    public bool Live => Onboarding.GoLiveAt is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pack = CurrentPack;
        await LoadOnboardingAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var switching = Pack != CurrentPack;
        var result = await Wizard.ChoosePackAsync(Pack, Actor, ct);
        switch (result.Outcome)
        {
            case WizardOutcome.Done:
                var name = Pack is null ? "" : AdminFormat.Industry(plugins, Pack);
                return GoToNext(switching ? $"You're now on the {name} pack: its services and message templates replaced the old ones." : $"Kept the {name} pack.");
            case WizardOutcome.Conflict:
                Problem = result.Detail;
                return Redirect(StepUrl(StepKey));
            default:
                AddErrors(result.Errors, _ => "packs");
                await LoadOnboardingAsync(ct);
                return Page();
        }
    }
}
