using Microsoft.AspNetCore.Mvc;
using ServicePro.Abstractions.Integrations;
using ServicePro.Host.Admin;
using ServicePro.Host.Onboarding;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Onboarding.Pages;

/// <summary>One stage of the registration's way through the carriers, for the timeline.</summary>
public sealed record A2pStage(string Label, string State, string Description);

/// <summary>
/// Step 4: the A2P 10DLC campaign, drafted for the business and edited here, checked against the carriers'
/// rules, then submitted; while the carriers review it the page follows the registration's status.
/// </summary>
public sealed class A2pModel(OnboardingWizard wizard, A2pRegistrations registrations) : WizardStepModel(wizard)
{
    public const int SampleSlots = 5;

    /// <summary>Field lengths the carriers accept (A2pRules), by form field id: min, max.</summary>
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Limits = new Dictionary<string, (int, int)>(StringComparer.Ordinal)
    {
        [nameof(Description)] = (40, 4096),
        [nameof(MessageFlow)] = (40, 2048),
        ["Sample"] = (20, 1024),
        [nameof(OptInMessage)] = (20, 320),
        [nameof(OptOutMessage)] = (20, 320),
        [nameof(HelpMessage)] = (20, 320),
    };

    public override string StepKey => OnboardingSteps.A2p;

    [BindProperty]
    public string? UseCase { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? MessageFlow { get; set; }

    [BindProperty]
    public List<string?> Samples { get; set; } = [];

    [BindProperty]
    public bool HasEmbeddedLinks { get; set; }

    [BindProperty]
    public bool HasEmbeddedPhone { get; set; }

    [BindProperty]
    public string? OptInMessage { get; set; }

    [BindProperty]
    public string? OptOutMessage { get; set; }

    [BindProperty]
    public string? HelpMessage { get; set; }

    [BindProperty]
    public string? PrivacyPolicyUrl { get; set; }

    [BindProperty]
    public string? TermsUrl { get; set; }

    public A2pView Registration { get; private set; } = null!;

    /// <summary>Every check that fails, by form field id.</summary>
    public Dictionary<string, string[]> Problems { get; } = new(StringComparer.Ordinal);

    public int ProblemCount => Problems.Values.Sum(p => p.Length);

    public bool CanSubmit => Registration.CanEdit && Registration.TwilioReady && Problems.Count == 0;

    /// <summary>While the carriers decide, the page keeps asking for the status.</summary>
    public bool Waiting => Registration.Status is A2pRegistrationState.Pending or A2pRegistrationState.InReview;

    /// <summary>The registration's status and every step's status word, to notice any change while waiting.</summary>
    public string Signature => Registration.Status + "|" + string.Join(",",
        Registration.StepStatuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key + "=" + s.Value));

    public string[] ProblemsFor(string fieldId) => Problems.GetValueOrDefault(fieldId) ?? [];

    public string? ProblemInvalid(string fieldId) => Problems.ContainsKey(fieldId) ? "true" : null;

    public string SampleAt(int index) => index < Samples.Count ? Samples[index] ?? "" : "";

    public IReadOnlyList<A2pStage> Timeline
    {
        get
        {
            var status = Registration.Status;
            var at = status switch
            {
                A2pRegistrationState.Draft => 0,
                A2pRegistrationState.Pending => 1,
                A2pRegistrationState.InReview => 2,
                _ => 3,
            };
            string State(int index) => index < at || (index == 3 && status == A2pRegistrationState.Approved) ? "done"
                : index == at ? (status == A2pRegistrationState.Failed ? "failed" : "current")
                : "upcoming";
            var final = status == A2pRegistrationState.Failed
                ? new A2pStage("Not approved", State(3), Registration.FailureReason ?? "The carriers rejected the registration. Edit it and submit again.")
                : new A2pStage("Approved", State(3), "The carriers approved your texting; messages go out under your brand.");
            return
            [
                new A2pStage("Draft", State(0), "Written from your brand and trade; edit it until every check passes."),
                new A2pStage("Submitted", State(1), "Filed with Twilio: your brand, a messaging service with your number, then the campaign."),
                new A2pStage("In review", State(2), "The carriers review your brand and campaign. This usually takes a few days."),
                final,
            ];
        }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var c = Registration.Campaign;
        UseCase = c.UseCase;
        Description = c.Description;
        MessageFlow = c.MessageFlow;
        Samples = [.. c.MessageSamples];
        HasEmbeddedLinks = c.HasEmbeddedLinks;
        HasEmbeddedPhone = c.HasEmbeddedPhone;
        OptInMessage = c.OptInMessage;
        OptOutMessage = c.OptOutMessage;
        HelpMessage = c.HelpMessage;
        PrivacyPolicyUrl = c.PrivacyPolicyUrl;
        TermsUrl = c.TermsUrl;
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var (view, conflict) = await registrations.UpdateAsync(Draft(), Actor, ct);
        if (view is null)
        {
            Problem = conflict;
        }
        else
        {
            Notice = view.Problems.Count == 0
                ? "Saved. Every check passes: you can submit the registration."
                : $"Saved. Fix {Count(view.Problems)} before you can submit.";
        }

        return Redirect(StepUrl(StepKey));
    }

    public async Task<IActionResult> OnPostRedraftAsync(CancellationToken ct)
    {
        var (view, conflict) = await registrations.RedraftAsync(Actor, ct);
        if (view is null)
        {
            Problem = conflict;
        }
        else
        {
            Notice = "Wrote a fresh draft from your brand and trade, replacing your edits.";
        }

        return Redirect(StepUrl(StepKey));
    }

    /// <summary>Saves what is in the form, then submits it.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        var (edited, conflict) = await registrations.UpdateAsync(Draft(), Actor, ct);
        if (edited is null)
        {
            Problem = conflict;
            return Redirect(StepUrl(StepKey));
        }

        var (view, problems, refusal) = await registrations.SubmitAsync(Actor, ct);
        if (view is null)
        {
            Problem = refusal ?? $"Saved, but not submitted: fix {Count(problems)} first.";
        }
        else
        {
            Notice = "Submitted. We file your registration with Twilio and follow the carriers' review; this page updates as it moves on.";
        }

        return Redirect(StepUrl(StepKey));
    }

    private static string Count(Dictionary<string, string[]> problems)
    {
        var n = problems.Values.Sum(p => p.Length);
        return n == 1 ? "1 problem" : $"{n} problems";
    }

    private A2pCampaignDraft Draft() => new()
    {
        UseCase = UseCase?.Trim() ?? "",
        Description = Description?.Trim() ?? "",
        MessageFlow = MessageFlow?.Trim() ?? "",
        MessageSamples = Samples.Take(SampleSlots).Select(s => s ?? "").ToList(),
        HasEmbeddedLinks = HasEmbeddedLinks,
        HasEmbeddedPhone = HasEmbeddedPhone,
        OptInMessage = OptInMessage?.Trim() ?? "",
        OptOutMessage = OptOutMessage?.Trim() ?? "",
        HelpMessage = HelpMessage?.Trim() ?? "",
        PrivacyPolicyUrl = string.IsNullOrWhiteSpace(PrivacyPolicyUrl) ? null : PrivacyPolicyUrl.Trim(),
        TermsUrl = string.IsNullOrWhiteSpace(TermsUrl) ? null : TermsUrl.Trim(),
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        Registration = await registrations.GetAsync(ct);
        foreach (var (key, messages) in Registration.Problems)
        {
            var id = FieldId(key);
            Problems[id] = Problems.TryGetValue(id, out var existing) ? [.. existing, .. messages] : messages;
        }

        await LoadOnboardingAsync(ct);
    }

    /// <summary>A2pRules' keys ("messageSamples[1]") as form field ids ("Sample-1").</summary>
    public static string FieldId(string key) => key switch
    {
        "messageSamples" => "Samples",
        _ when key.StartsWith("messageSamples[", StringComparison.Ordinal) => "Sample-" + key["messageSamples[".Length..].TrimEnd(']'),
        _ => char.ToUpperInvariant(key[0]) + key[1..],
    };
}
