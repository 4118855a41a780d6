using System.Globalization;
using global::Stripe;
using ServicePro.Abstractions.Integrations;

namespace ServicePro.Integrations.Stripe;

/// <summary>
/// Stripe for card payments and deposits. The connection test retrieves the tenant's own account
/// (GET /v1/account) through Stripe.net, on the host's HttpClient with Stripe.net's retries off.
/// </summary>
public sealed class StripeProvider : IIntegrationProvider
{
    private const string SecretKeyField = "secret_key";
    private const string PublishableKeyField = "publishable_key";
    private const string WebhookSecretField = "webhook_secret";
    private const string ApiEndpoint = "api";

    public string Key => "stripe";

    public string Name => "Stripe";

    public string Description => "Take card payments and booking deposits, paid straight into your own Stripe account.";

    public IReadOnlyList<CredentialField> Fields { get; } =
    [
        new(SecretKeyField, "Secret key", Secret: true,
            Help: "In your Stripe dashboard: Developers → API keys. A restricted key (rk_...) works too if it may read account details.",
            Placeholder: "sk_live_..."),
        new(PublishableKeyField, "Publishable key", Secret: false,
            Help: "Shown next to the secret key in Developers → API keys; it must be from the same mode (test or live).",
            Placeholder: "pk_live_..."),
        new(WebhookSecretField, "Webhook signing secret", Secret: true, Required: false,
            Help: "Developers → Webhooks → your endpoint → Signing secret. Lets us confirm payments as soon as Stripe reports them.",
            Placeholder: "whsec_..."),
    ];

    public IReadOnlyDictionary<string, Uri> Endpoints { get; } =
        new Dictionary<string, Uri> { [ApiEndpoint] = new("https://api.stripe.com/") };

    public IReadOnlyList<FieldProblem> Validate(IReadOnlyDictionary<string, string> values)
    {
        var problems = new List<FieldProblem>();
        var secretMode = CheckSecretKey(values.GetValueOrDefault(SecretKeyField), problems);
        var publishableMode = CheckPublishableKey(values.GetValueOrDefault(PublishableKeyField), problems);

        if (secretMode is not null && publishableMode is not null && secretMode != publishableMode)
        {
            problems.Add(new(PublishableKeyField,
                $"The secret key is a {secretMode}-mode key but the publishable key is a {publishableMode}-mode key; " +
                "use both keys from the same mode."));
        }

        var webhookSecret = values.GetValueOrDefault(WebhookSecretField);
        if (!string.IsNullOrWhiteSpace(webhookSecret) && !StripeKeys.IsWebhookSecret(webhookSecret.Trim()))
        {
            problems.Add(new(WebhookSecretField,
                "A webhook signing secret starts with whsec_; copy it from Developers → Webhooks → your endpoint in your Stripe dashboard."));
        }

        return problems;
    }

    public async Task<ConnectionTestResult> TestConnectionAsync(IntegrationContext context, CancellationToken cancellationToken)
    {
        var secretKey = context.Value(SecretKeyField).Trim();
        var client = new StripeClient(
            apiKey: secretKey,
            // The host's client already retries 429/5xx; Stripe.net's own retries would multiply them.
            // Telemetry would only add a header about the previous request's latency.
            httpClient: new SystemNetHttpClient(context.Http, maxNetworkRetries: 0, enableTelemetry: false),
            // Stripe.net appends "/v1/..." to the base, so it must not end with a slash.
            apiBase: context.Endpoint(ApiEndpoint).ToString().TrimEnd('/'));

        Account account;
        try
        {
            account = await new AccountService(client).GetSelfAsync(cancellationToken: cancellationToken);
        }
        catch (StripeException exception) when (RejectionSummary(exception) is { } summary)
        {
            return ConnectionTestResult.Failure(summary);
        }

        return Describe(account, StripeKeys.ModeOf(secretKey, "sk", "rk") ?? StripeKeys.Live);
    }

    private static ConnectionTestResult Describe(Account account, string mode)
    {
        var businessName = FirstNonEmpty(account.BusinessProfile?.Name, account.Settings?.Dashboard?.DisplayName);
        var findings = new Dictionary<string, string>
        {
            ["account_id"] = account.Id,
            ["charges_enabled"] = Flag(account.ChargesEnabled),
            ["payouts_enabled"] = Flag(account.PayoutsEnabled),
            ["details_submitted"] = Flag(account.DetailsSubmitted),
            ["mode"] = mode,
        };
        AddIfPresent(findings, "business_name", businessName);
        AddIfPresent(findings, "country", account.Country);
        AddIfPresent(findings, "default_currency", account.DefaultCurrency);

        var who = businessName ?? account.Id;
        var modeNote = mode == StripeKeys.Test ? " in test mode" : "";
        var summary = account.ChargesEnabled
            ? $"Connected to Stripe{modeNote}: {who} can take card payments."
            : $"Connected to Stripe{modeNote} as {who}, but Stripe hasn't enabled charges on this account yet — finish activation in your Stripe dashboard.";
        return ConnectionTestResult.Success(summary, findings);
    }

    /// <summary>
    /// Words for an answer Stripe gave; null for anything that isn't an HTTP answer (the host words those).
    /// Stripe's own message is not shown: it quotes part of the key.
    /// </summary>
    private static string? RejectionSummary(StripeException exception) => (int)exception.HttpStatusCode switch
    {
        401 when exception.StripeError?.Code == "api_key_expired" =>
            "That secret key has expired; create a new one under Developers → API keys in your Stripe dashboard.",
        401 => "That secret key was rejected by Stripe.",
        403 => "Stripe won't let that key read your account details; if it's a restricted key, allow it to read account data, or use your secret key.",
        429 => "Stripe is busy right now; try again in a few minutes.",
        >= 500 and < 600 => "Stripe is having trouble right now; try again in a few minutes.",
        >= 400 and < 500 => string.Create(CultureInfo.InvariantCulture,
            $"Stripe refused to look up the account (HTTP {(int)exception.HttpStatusCode}); check the secret key and try again."),
        _ => null,
    };

    private static string? CheckSecretKey(string? value, List<FieldProblem> problems)
    {
        var message = value?.Trim() switch
        {
            null or "" => "Enter your Stripe secret key.",
            var key when key.Any(char.IsWhiteSpace) => "The secret key has spaces in it; copy it again from your Stripe dashboard.",
            var key when StripeKeys.ModeOf(key, "sk", "rk") is not null => null,
            var key when StripeKeys.KindOf(key) == "pk" => "That's your publishable key; the secret key starts with sk_live_ or sk_test_.",
            var key when StripeKeys.KindOf(key) == "whsec" => "That's a webhook signing secret; the secret key starts with sk_live_ or sk_test_.",
            _ => "A Stripe secret key starts with sk_live_ or sk_test_ (rk_ for a restricted key); check that you copied all of it.",
        };
        return Report(SecretKeyField, message, problems) ? StripeKeys.ModeOf(value!.Trim(), "sk", "rk") : null;
    }

    private static string? CheckPublishableKey(string? value, List<FieldProblem> problems)
    {
        var message = value?.Trim() switch
        {
            null or "" => "Enter your Stripe publishable key.",
            var key when key.Any(char.IsWhiteSpace) => "The publishable key has spaces in it; copy it again from your Stripe dashboard.",
            var key when StripeKeys.ModeOf(key, "pk") is not null => null,
            var key when StripeKeys.KindOf(key) is "sk" or "rk" =>
                "That's a secret key, which must not go in this field; the publishable key starts with pk_live_ or pk_test_.",
            _ => "A Stripe publishable key starts with pk_live_ or pk_test_; check that you copied all of it.",
        };
        return Report(PublishableKeyField, message, problems) ? StripeKeys.ModeOf(value!.Trim(), "pk") : null;
    }

    /// <summary>Adds the problem if there is one; true when the field is fine.</summary>
    private static bool Report(string field, string? message, List<FieldProblem> problems)
    {
        if (message is null)
        {
            return true;
        }

        problems.Add(new(field, message));
        return false;
    }

    private static string Flag(bool value) => value ? "true" : "false";

    private static string? FirstNonEmpty(params string?[] candidates) =>
        candidates.FirstOrDefault(candidate => !string.IsNullOrWhiteSpace(candidate));

    private static void AddIfPresent(Dictionary<string, string> findings, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            findings[key] = value;
        }
    }
}
