using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.Json;
using global::OpenAI;
using global::OpenAI.Models;
using ServicePro.Abstractions.Integrations;

namespace ServicePro.Integrations.OpenAI;

/// <summary>
/// OpenAI for the AI assistant and message drafting. The connection test retrieves the chosen model
/// (GET /v1/models/{model}) through the official SDK, on the host's HttpClient with the SDK's retries off:
/// that proves the key, the organization and the project's access to the model in one call.
/// </summary>
public sealed class OpenAIProvider : IIntegrationProvider
{
    public const string DefaultModel = "gpt-4o-mini";

    private const string ApiKeyField = "api_key";
    private const string ModelField = "model";
    private const string OrganizationField = "organization";
    private const string ApiEndpoint = "api";

    public string Key => "openai";

    public string Name => "OpenAI";

    public string Description => "Let the AI assistant answer customers and draft your messages, billed to your own OpenAI account.";

    public IReadOnlyList<CredentialField> Fields { get; } =
    [
        new(ApiKeyField, "API key", Secret: true,
            Help: "platform.openai.com → API keys → Create new secret key. A project key is best.",
            Placeholder: "sk-proj-..."),
        new(ModelField, "Model", Secret: false, Required: false,
            Help: $"Leave empty to use {DefaultModel}.",
            Placeholder: DefaultModel),
        new(OrganizationField, "Organization ID", Secret: false, Required: false,
            Help: "Only needed if your account belongs to several organizations: Settings → Organization → Organization ID.",
            Placeholder: "org-..."),
    ];

    // OpenAI's base address includes the API version, as the SDK expects.
    public IReadOnlyDictionary<string, Uri> Endpoints { get; } =
        new Dictionary<string, Uri> { [ApiEndpoint] = new("https://api.openai.com/v1/") };

    public IReadOnlyList<FieldProblem> Validate(IReadOnlyDictionary<string, string> values)
    {
        var problems = new List<FieldProblem>();

        var apiKeyProblem = values.GetValueOrDefault(ApiKeyField)?.Trim() switch
        {
            null or "" => "Enter your OpenAI API key.",
            var key when key.Any(char.IsWhiteSpace) => "The API key has spaces in it; copy it again from your OpenAI dashboard.",
            var key when key.StartsWith(OpenAIFormats.AdminKeyPrefix, StringComparison.Ordinal) =>
                "That's an admin key, which can't use models; create a project API key instead.",
            var key when OpenAIFormats.ApiKey().IsMatch(key) => null,
            _ => "An OpenAI API key starts with sk-; check that you copied all of it.",
        };
        if (apiKeyProblem is not null)
        {
            problems.Add(new(ApiKeyField, apiKeyProblem));
        }

        var model = values.GetValueOrDefault(ModelField)?.Trim();
        if (!string.IsNullOrEmpty(model) && !OpenAIFormats.Model().IsMatch(model))
        {
            problems.Add(new(ModelField, $"A model name looks like {DefaultModel}: letters, digits, dots, dashes and colons, no spaces."));
        }

        var organization = values.GetValueOrDefault(OrganizationField)?.Trim();
        if (!string.IsNullOrEmpty(organization) && !OpenAIFormats.Organization().IsMatch(organization))
        {
            problems.Add(new(OrganizationField, "An organization ID starts with org-; find it under Settings → Organization on platform.openai.com."));
        }

        return problems;
    }

    public async Task<ConnectionTestResult> TestConnectionAsync(IntegrationContext context, CancellationToken cancellationToken)
    {
        var model = NonEmpty(context.OptionalValue(ModelField)) ?? DefaultModel;
        var client = new OpenAIModelClient(new ApiKeyCredential(context.Value(ApiKeyField).Trim()), ClientOptions(context));

        OpenAIModel found;
        try
        {
            found = (await client.GetModelAsync(model, cancellationToken)).Value;
        }
        catch (ClientResultException exception) when (RejectionSummary(exception, model) is { } summary)
        {
            return ConnectionTestResult.Failure(summary);
        }

        var findings = new Dictionary<string, string> { ["model"] = found.Id };
        if (!string.IsNullOrWhiteSpace(found.OwnedBy))
        {
            findings["owned_by"] = found.OwnedBy;
        }

        return ConnectionTestResult.Success($"Connected to OpenAI: {found.Id} is ready to use.", findings);
    }

    private static OpenAIClientOptions ClientOptions(IntegrationContext context) => new()
    {
        Endpoint = ApiBase(context.Endpoint(ApiEndpoint)),
        OrganizationId = NonEmpty(context.OptionalValue(OrganizationField)),
        Transport = new HttpClientPipelineTransport(context.Http),
        // The host's client already retries 429/5xx and owns the timeout; the SDK must not add its own.
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        NetworkTimeout = context.Http.Timeout,
    };

    /// <summary>
    /// A configured address without a path (a bare host, such as a local test double) means OpenAI's own
    /// layout, with the API under /v1/; one with a path (a proxy's .../v1/) is used as given.
    /// </summary>
    private static Uri ApiBase(Uri configured) =>
        configured.AbsolutePath == "/" ? new Uri(configured, "v1/") : configured;

    /// <summary>
    /// Words for an answer OpenAI gave; null for anything that isn't an HTTP answer (the host words those).
    /// OpenAI's own message is not shown: for a bad key it quotes part of it.
    /// </summary>
    private static string? RejectionSummary(ClientResultException exception, string model)
    {
        var code = ErrorCode(exception);
        return exception.Status switch
        {
            401 when code == "mismatched_organization" =>
                "That organization ID doesn't match the API key's organization; correct it or leave it empty.",
            401 => "That API key was rejected by OpenAI.",
            403 when code == "unsupported_country_region_territory" =>
                "OpenAI doesn't serve the country or region this request came from.",
            403 => "That API key isn't allowed to read models; give it access to Models in your OpenAI project's key settings, or use an unrestricted key.",
            404 => $"Your OpenAI account can't use the model '{model}'. Pick another model or check your project's model access.",
            429 when code == "insufficient_quota" =>
                "Your OpenAI account is out of credit; add credit under Settings → Billing on platform.openai.com, then test again.",
            429 => "OpenAI is rate-limiting this account right now; try again in a few minutes.",
            >= 500 and < 600 => "OpenAI is having trouble right now; try again in a few minutes.",
            >= 400 and < 500 => string.Create(CultureInfo.InvariantCulture,
                $"OpenAI refused to look up the model (HTTP {exception.Status}); check the API key and model and try again."),
            _ => null,
        };
    }

    /// <summary>The "code" of OpenAI's error body ({"error":{"code":...}}), when there is one.</summary>
    private static string? ErrorCode(ClientResultException exception)
    {
        var content = exception.GetRawResponse()?.Content;
        if (content is null || content.ToMemory().IsEmpty)
        {
            return null;
        }

        try
        {
            using var body = JsonDocument.Parse(content.ToMemory());
            return body.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String
                    ? code.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null; // A proxy's HTML error page: the status alone decides.
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
