using ServicePro.Host.Persistence;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Onboarding;

/// <summary>
/// A tenant's US business-texting registration (A2P 10DLC): the campaign facts it drafted and edited, and
/// where the carrier review stands. One per tenant. The provider's ids are kept so every background
/// submission or status check can repeat safely.
/// </summary>
public sealed class A2pRegistration : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>draft, pending, in_review, approved or failed (see Abstractions' A2pRegistrationState).</summary>
    public required string Status { get; set; }

    public required A2pCampaignDraft Campaign { get; set; }
    public Dictionary<string, string> ProviderIds { get; set; } = [];
    public Dictionary<string, string> StepStatuses { get; set; } = [];
    public string? FailureReason { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? LastCheckedAt { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The campaign as the tenant sees and edits it; stored as one JSON document.</summary>
public sealed record A2pCampaignDraft
{
    [Text(40)]
    public string UseCase { get; init; } = "MIXED";
    [Text(TextRules.Note, Multiline = true)]
    public string Description { get; init; } = "";
    [Text(TextRules.Note, Multiline = true)]
    public string MessageFlow { get; init; } = "";
    [Items(5, 1024)]
    public List<string> MessageSamples { get; init; } = [];
    public bool HasEmbeddedLinks { get; init; }
    public bool HasEmbeddedPhone { get; init; }
    [Text(TextRules.Line, Multiline = true)]
    public string OptInMessage { get; init; } = "";
    [Text(TextRules.Line, Multiline = true)]
    public string OptOutMessage { get; init; } = "";
    [Text(TextRules.Line, Multiline = true)]
    public string HelpMessage { get; init; } = "";
    [WebAddress(HttpsOnly = true)]
    public string? PrivacyPolicyUrl { get; init; }
    [WebAddress(HttpsOnly = true)]
    public string? TermsUrl { get; init; }
}
