using Microsoft.AspNetCore.Mvc;
using ServicePro.Abstractions.Integrations;
using ServicePro.Host.Admin;
using ServicePro.Host.Integrations;
using ServicePro.Host.Onboarding;

namespace ServicePro.Host.Onboarding.Pages;

/// <summary>
/// Steps 3 and 5–8: one page for every outside service, drawn from the provider's own fields. Secrets are
/// write-only: never put back into the form, shown only masked; a blank secret keeps the stored one.
/// </summary>
public sealed class IntegrationModel(OnboardingWizard wizard, TenantIntegrations integrations) : WizardStepModel(wizard)
{
    public override string StepKey => RouteData.Values["step"] as string ?? "";

    public override string SaveLabel => "Save and test";

    /// <summary>Values typed into the form, by the provider's field key (secrets only ever inbound).</summary>
    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = new(StringComparer.Ordinal);

    public IIntegrationProvider Provider { get; private set; } = null!;

    public IntegrationView Integration { get; private set; } = null!;

    /// <summary>The form field id of a provider field.</summary>
    public static string FieldId(string key) => "field-" + key;

    /// <summary>What the form shows in a non-secret field: what was just typed, else what is saved.</summary>
    public string? ValueOf(IntegrationField field) =>
        field.Secret ? null : Values.TryGetValue(field.Key, out var typed) ? typed : field.Value;

    protected override IActionResult? Refuse()
    {
        if (WizardSteps.Find(StepKey)?.Provider is not { } key || integrations.Find(key) is not { } provider)
        {
            return NotFound();
        }

        Provider = provider;
        return null;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var known = Provider.Fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var submitted = Values.Where(v => known.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var saved = await integrations.SaveAndTestAsync(Provider, submitted, Actor, ct);
        if (saved.Errors.Count > 0)
        {
            AddErrors(saved.Errors, FieldId);
            await LoadAsync(ct);
            return Page();
        }

        var view = saved.View!;
        if (view.Status == "active")
        {
            return GoToNext($"Saved and tested {Provider.Name}. {view.LastSummary}");
        }

        Problem = $"Saved, but the connection test failed: {view.LastSummary}";
        return Redirect(StepUrl(StepKey));
    }

    public async Task<IActionResult> OnPostTestAsync(CancellationToken ct)
    {
        var result = await integrations.TestAsync(Provider, Actor, ct);
        if (result.Succeeded)
        {
            Notice = $"Tested {Provider.Name} again: it works. {result.Summary}";
        }
        else
        {
            Problem = $"Tested {Provider.Name} again: {result.Summary}";
        }

        return Redirect(StepUrl(StepKey));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Integration = await integrations.DescribeAsync(Provider, ct);
        await LoadOnboardingAsync(ct);
    }
}
