using ServicePro.Abstractions.Integrations;

namespace ServicePro.Integrations.Twilio;

/// <summary>
/// The A2P ids and Twilio status words gathered during one submit or refresh, and the overall state they add up
/// to: failed as soon as any step failed, approved once the campaign is VERIFIED, in review while Twilio or the
/// carriers look at it, pending while waiting on Twilio or on the next submit.
/// </summary>
internal sealed class A2pProgress
{
    public const string BrandStep = "brand";
    public const string MessagingServiceStep = "messaging_service";
    public const string PhoneNumberStep = "phone_number";
    public const string CampaignStep = "campaign";

    private static readonly HashSet<string> FailedWords = new(StringComparer.OrdinalIgnoreCase) { "FAILED", "SUSPENDED", "DELETED" };

    private readonly Dictionary<string, string> _ids;
    private readonly Dictionary<string, string> _statuses;
    private readonly Dictionary<string, string> _failures = [];

    public A2pProgress(A2pRegistrationState state)
    {
        _ids = new Dictionary<string, string>(state.Ids);
        _statuses = new Dictionary<string, string>(state.StepStatuses);
    }

    /// <summary>This call created something at Twilio, whose id the host must get back whatever happens next.</summary>
    public bool CreatedSomething { get; private set; }

    public string? Id(string step) => _ids.GetValueOrDefault(step);

    public bool Has(string step) => _ids.ContainsKey(step);

    /// <summary>Twilio's last known status word for the step.</summary>
    public string? Status(string step) => _statuses.GetValueOrDefault(step);

    public bool StepIs(string step, string status) => string.Equals(Status(step), status, StringComparison.OrdinalIgnoreCase);

    public static bool IsFailedWord(string? status) => status is not null && FailedWords.Contains(status);

    public void Created(string step, string id, string? status = null)
    {
        CreatedSomething = true;
        Adopted(step, id, status);
    }

    /// <summary>A step done outside this call (e.g. a Messaging Service the tenant configured).</summary>
    public void Adopted(string step, string id, string? status = null)
    {
        _ids[step] = id;
        if (status is not null)
        {
            _statuses[step] = status;
        }
    }

    /// <summary>Twilio's current word for a step, and the owner's reason when that word is a failure.</summary>
    public void Observed(string step, string status, Func<string> failureReason)
    {
        _statuses[step] = status;
        if (IsFailedWord(status))
        {
            _failures[step] = failureReason();
        }
        else
        {
            _failures.Remove(step);
        }
    }

    public A2pRegistrationState Refused(string reason) => State(A2pRegistrationState.Failed, reason);

    public A2pRegistrationState Outcome()
    {
        foreach (var step in new[] { BrandStep, CampaignStep })
        {
            if (Status(step) is { } status && IsFailedWord(status))
            {
                return State(A2pRegistrationState.Failed, _failures.GetValueOrDefault(step) ?? A2pFailureReasons.Unexplained(step, status));
            }
        }

        if (StepIs(CampaignStep, "VERIFIED"))
        {
            return State(A2pRegistrationState.Approved, null);
        }

        // A submitted campaign is with Twilio and the carriers; a brand still being vetted is too.
        if (Has(CampaignStep) || StepIs(BrandStep, "IN_REVIEW"))
        {
            return State(A2pRegistrationState.InReview, null);
        }

        // Brand PENDING, or APPROVED and waiting for the next submit to send the campaign.
        return State(Has(BrandStep) ? A2pRegistrationState.Pending : A2pRegistrationState.Draft, null);
    }

    private A2pRegistrationState State(string status, string? reason) =>
        new(status, new Dictionary<string, string>(_ids), new Dictionary<string, string>(_statuses), reason);
}
