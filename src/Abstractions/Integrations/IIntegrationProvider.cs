namespace ServicePro.Abstractions.Integrations;

/// <summary>
/// An outside service a tenant connects with its own credentials (Twilio, Stripe, OpenAI, ...). Implemented
/// by integration-provider plugins (kind "integration_provider" in plugin.json). The host owns everything
/// around the call: it stores the values (secret ones encrypted), builds the HTTP client (timeouts, retries
/// for 429/5xx, the base addresses from configuration) and records the outcome; the provider only knows the
/// service's wire format and what its answers mean.
/// </summary>
public interface IIntegrationProvider
{
    /// <summary>Stable identifier, lower snake case ("twilio"); also the tenant_integrations row's provider.</summary>
    string Key { get; }

    /// <summary>The service's name as a business owner knows it ("Twilio").</summary>
    string Name { get; }

    /// <summary>One sentence on what the tenant gets by connecting it.</summary>
    string Description { get; }

    /// <summary>The fields the onboarding form asks for, in order.</summary>
    IReadOnlyList<CredentialField> Fields { get; }

    /// <summary>
    /// Named base addresses of the service (e.g. "api" → https://api.twilio.com/). The host may replace any
    /// of them from configuration, which is how tests point the real client at a local fake.
    /// </summary>
    IReadOnlyDictionary<string, Uri> Endpoints { get; }

    /// <summary>Checks the values' format without calling anyone. Messages name no secret value.</summary>
    IReadOnlyList<FieldProblem> Validate(IReadOnlyDictionary<string, string> values);

    /// <summary>
    /// Makes one real call that proves the credentials and reports what it found. A rejected credential
    /// or an unusable account is a failed result with a sentence for the business owner; a network
    /// failure may be thrown, the host words it.
    /// </summary>
    Task<ConnectionTestResult> TestConnectionAsync(IntegrationContext context, CancellationToken cancellationToken);
}

/// <summary>One value a provider needs. Secret values are encrypted at rest and never shown again.</summary>
public sealed record CredentialField(
    string Key,
    string Label,
    bool Secret,
    bool Required = true,
    string? Help = null,
    string? Placeholder = null);

/// <summary>Why one field's value cannot be used, in words for the person typing it.</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>What a connection test found.</summary>
/// <param name="Succeeded">True when the credentials work for what the platform needs.</param>
/// <param name="Summary">One sentence for the business owner, e.g. "Connected to Twilio: account active, +19185550100 can send SMS."</param>
/// <param name="Findings">Non-secret facts worth keeping (account id, phone number capabilities, model name).</param>
public sealed record ConnectionTestResult(bool Succeeded, string Summary, IReadOnlyDictionary<string, string> Findings)
{
    public static ConnectionTestResult Success(string summary, IReadOnlyDictionary<string, string>? findings = null) =>
        new(true, summary, findings ?? new Dictionary<string, string>());

    public static ConnectionTestResult Failure(string summary, IReadOnlyDictionary<string, string>? findings = null) =>
        new(false, summary, findings ?? new Dictionary<string, string>());
}
