using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServicePro.Host.Admin;
using ServicePro.Host.Identity;
using ServicePro.Host.Onboarding;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Onboarding.Pages;

/// <summary>
/// A page of the onboarding wizard (seed §6) for the business's owner and admins. The pages call the same
/// services as the /api/onboarding and /api/integrations endpoints; they never go through HTTP.
/// </summary>
[Authorize(Policy = Policies.TenantAdmin)]
[RedirectOnPlatform("/admin/platform/tenants")]
public abstract class OnboardingPageModel(OnboardingWizard wizard) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public OnboardingView Onboarding { get; private set; } = null!;

    public TenantInfo Tenant { get; private set; } = null!;

    protected OnboardingWizard Wizard => wizard;

    protected string Actor => ServiceProClaims.ActorOf(User);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (HttpContext.RequestServices.GetRequiredService<ITenantContext>().Tenant is not { } tenant)
        {
            context.Result = NotFound();
            return;
        }

        Tenant = tenant;
        if (Refuse() is { } refusal)
        {
            context.Result = refusal;
            return;
        }

        await next();
    }

    /// <summary>A result that ends the request before any handler runs (e.g. not found), or null.</summary>
    protected virtual IActionResult? Refuse() => null;

    /// <summary>Reads the wizard's state for the page; call after any change and before rendering.</summary>
    protected async Task LoadOnboardingAsync(CancellationToken ct) => Onboarding = await wizard.GetAsync(ct);

    /// <summary>A wizard step's page, under the tenant's path base.</summary>
    public string StepUrl(string key) => Url.Content("~" + WizardSteps.Find(key)!.Path);

    /// <summary>An admin path such as a preflight item's fix-it link, under the tenant's path base.</summary>
    public string AdminUrl(string path) => Url.Content("~" + path);

    public WizardStepView ViewOf(string key) => Onboarding.Steps.First(s => s.Key == key);
}

/// <summary>
/// One of the nine steps: the stepper, Back / Save / Skip, validation errors by field, and "after saving, on to
/// the next step". The shared markup is <c>_StepLayout.cshtml</c>.
/// </summary>
public abstract class WizardStepModel(OnboardingWizard wizard) : OnboardingPageModel(wizard)
{
    /// <summary>The step's key (see <see cref="OnboardingSteps"/>).</summary>
    public abstract string StepKey { get; }

    public WizardStep Step => WizardSteps.Find(StepKey)!;

    public WizardStepView StepView => ViewOf(StepKey);

    public WizardStep? Previous => WizardSteps.All.LastOrDefault(s => s.Number < Step.Number);

    public WizardStep? Next => WizardSteps.All.FirstOrDefault(s => s.Number > Step.Number);

    /// <summary>The label of the button that saves the step's form (id "step-form").</summary>
    public virtual string SaveLabel => "Save and continue";

    /// <summary>Field errors by form field id; shown next to the fields and in a summary above the form.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? ErrorFor(string fieldId) => Errors.GetValueOrDefault(fieldId);

    public string? Invalid(string fieldId) => Errors.ContainsKey(fieldId) ? "true" : null;

    /// <summary>aria-describedby for a field: the given hint ids (when not null), then its error (if any).</summary>
    public string? DescribedBy(string fieldId, params string?[] hints)
    {
        var ids = hints.OfType<string>().ToList();
        if (Errors.ContainsKey(fieldId))
        {
            ids.Add(fieldId + "-error");
        }

        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    protected override IActionResult? Refuse() => WizardSteps.Find(StepKey) is null ? NotFound() : null;

    /// <summary>Skips an optional step (its capability turns off) and goes on to the next step.</summary>
    public async Task<IActionResult> OnPostSkipAsync(CancellationToken ct)
    {
        var result = await Wizard.SkipAsync(StepKey, Actor, ct);
        if (result.Outcome != WizardOutcome.Done)
        {
            Problem = result.Detail ?? string.Join(" ", result.Errors.Values.SelectMany(e => e));
            return Redirect(StepUrl(StepKey));
        }

        Notice = $"Skipped \"{Step.Title}\". {Step.SkipConsequence} You can come back to it any time.";
        return GoToNext();
    }

    /// <summary>On to the next step after this one was saved (the overview after the last).</summary>
    protected IActionResult GoToNext(string? notice = null)
    {
        if (notice is not null)
        {
            Notice = notice;
        }

        return Redirect(Next is { } next ? StepUrl(next.Key) : Url.Content("~/admin/onboarding"));
    }

    /// <summary>Takes the service's errors (keyed by API field) onto form field ids.</summary>
    protected void AddErrors(IReadOnlyDictionary<string, string[]> errors, Func<string, string> fieldId)
    {
        foreach (var (field, messages) in errors)
        {
            var id = fieldId(field);
            Errors[id] = Errors.TryGetValue(id, out var existing)
                ? existing + " " + string.Join(" ", messages)
                : string.Join(" ", messages);
        }
    }
}
