using ServicePro.Abstractions.Integrations;

namespace ServicePro.Integrations.Twilio;

/// <summary>
/// Twilio for a tenant's texting: proves the account and number (connection test), sends SMS, and registers the
/// business with US carriers (A2P 10DLC). The tenant's own Twilio account is used, with its Account SID and Auth Token.
/// </summary>
public sealed class TwilioProvider : IIntegrationProvider, ISmsProvider, IA2pRegistrar
{
    public const string ApiEndpoint = "api";
    public const string LookupsEndpoint = "lookups";
    public const string MessagingEndpoint = "messaging";

    private static readonly IReadOnlyDictionary<string, Uri> DefaultEndpoints = new Dictionary<string, Uri>
    {
        [ApiEndpoint] = new("https://api.twilio.com/"),
        [LookupsEndpoint] = new("https://lookups.twilio.com/"),
        [MessagingEndpoint] = new("https://messaging.twilio.com/"),
    };

    public string Key => "twilio";

    public string Name => "Twilio";

    public string Description =>
        "Send appointment confirmations and reminders by text from your own business number, and register that texting with US carriers.";

    public IReadOnlyList<CredentialField> Fields => TwilioSettings.Fields;

    public IReadOnlyDictionary<string, Uri> Endpoints => DefaultEndpoints;

    public IReadOnlyList<FieldProblem> Validate(IReadOnlyDictionary<string, string> values) => TwilioSettings.Validate(values);

    public Task<ConnectionTestResult> TestConnectionAsync(IntegrationContext context, CancellationToken cancellationToken) =>
        TwilioConnectionTest.RunAsync(context, cancellationToken);

    public Task<SmsSendResult> SendSmsAsync(IntegrationContext context, SmsMessage message, CancellationToken cancellationToken) =>
        TwilioSms.SendAsync(context, message, cancellationToken);

    public Task<A2pRegistrationState> SubmitAsync(
        IntegrationContext context, A2pCampaign campaign, A2pRegistrationState state, CancellationToken cancellationToken) =>
        TwilioA2pRegistration.SubmitAsync(context, campaign, state, cancellationToken);

    public Task<A2pRegistrationState> RefreshAsync(IntegrationContext context, A2pRegistrationState state, CancellationToken cancellationToken) =>
        TwilioA2pRegistration.RefreshAsync(context, state, cancellationToken);
}
