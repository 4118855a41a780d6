namespace ServicePro.Abstractions.Integrations;

/// <summary>
/// A provider that registers a tenant's business texting with US carriers (A2P 10DLC): brand, messaging
/// service and campaign. Submission and status checks run from background jobs, so both must be safe to
/// repeat: a step that already has an id in <see cref="A2pRegistrationState"/> is not submitted again.
/// </summary>
public interface IA2pRegistrar
{
    /// <summary>Submits whatever is not yet submitted and returns the ids and statuses known afterwards.</summary>
    Task<A2pRegistrationState> SubmitAsync(
        IntegrationContext context, A2pCampaign campaign, A2pRegistrationState state, CancellationToken cancellationToken);

    /// <summary>Asks the provider for the current status of each submitted step.</summary>
    Task<A2pRegistrationState> RefreshAsync(
        IntegrationContext context, A2pRegistrationState state, CancellationToken cancellationToken);
}

/// <summary>The campaign facts carriers review (Twilio's Usa2p fields).</summary>
public sealed record A2pCampaign(
    string UseCase,
    string Description,
    string MessageFlow,
    IReadOnlyList<string> MessageSamples,
    bool HasEmbeddedLinks,
    bool HasEmbeddedPhone,
    string OptInMessage,
    string OptOutMessage,
    string HelpMessage,
    IReadOnlyList<string> OptInKeywords,
    IReadOnlyList<string> OptOutKeywords,
    IReadOnlyList<string> HelpKeywords,
    string? PrivacyPolicyUrl,
    string? TermsUrl);

/// <summary>Where a registration stands: the provider's ids and status per step.</summary>
/// <param name="Status">Overall: draft, pending, in_review, approved, failed.</param>
/// <param name="Ids">Provider ids by step (e.g. "brand" → BN..., "messaging_service" → MG..., "campaign" → QE...).</param>
/// <param name="StepStatuses">The provider's status word per step.</param>
/// <param name="FailureReason">Why it failed, in words for the business owner.</param>
public sealed record A2pRegistrationState(
    string Status,
    IReadOnlyDictionary<string, string> Ids,
    IReadOnlyDictionary<string, string> StepStatuses,
    string? FailureReason = null)
{
    public const string Draft = "draft";
    public const string Pending = "pending";
    public const string InReview = "in_review";
    public const string Approved = "approved";
    public const string Failed = "failed";

    public static A2pRegistrationState New { get; } =
        new(Draft, new Dictionary<string, string>(), new Dictionary<string, string>());
}
