using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ServicePro.Tests.Fakes;

/// <summary>
/// OpenAI's API under /v1 as far as the platform uses it: models (list, retrieve) and non-streaming chat
/// completions, with Bearer key authentication, the OpenAI-Organization check and OpenAI's error bodies.
/// Its root address is what a provider is configured with; the SDK's base address is <see cref="ApiBase"/>.
/// </summary>
public sealed class FakeOpenAI : FakeService
{
    /// <summary>The only API key the fake accepts.</summary>
    public const string ValidApiKey = "sk-proj-FakeShinyWheels0ApiKey000000000000000000000000abcd";

    /// <summary>The organization <see cref="ValidApiKey"/> belongs to.</summary>
    public const string Organization = "org-FakeShinyWheels01";

    private static readonly JsonSerializerOptions Wire = new() { PropertyNamingPolicy = null };

    private readonly ConcurrentQueue<bool> _quotaFaults = new();

    public Uri ApiBase => new(BaseAddress, "v1/");

    /// <summary>Models the key's project may use.</summary>
    public ISet<string> AvailableModels { get; } =
        new SortedSet<string>(StringComparer.Ordinal) { "gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "gpt-4.1", "o4-mini" };

    /// <summary>The assistant's answer to the last user message of a chat completion.</summary>
    public Func<string, string> Reply { get; set; } = lastUserMessage => $"Draft reply: {lastUserMessage}";

    /// <summary>The next <paramref name="times"/> authenticated requests get OpenAI's 429 insufficient_quota (no credit left).</summary>
    public void InsufficientQuotaNext(int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _quotaFaults.Enqueue(true);
        }
    }

    protected override void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Response.Headers["x-request-id"] = "req_" + Guid.NewGuid().ToString("N");
            context.Response.Headers["openai-version"] = "2020-10-01";
            var refusal = Authenticate(context.Request) ?? (_quotaFaults.TryDequeue(out _) ? InsufficientQuota() : null);
            if (refusal is not null)
            {
                await refusal.ExecuteAsync(context);
                return;
            }

            await next(context);
        });

        app.MapGet("/v1/models", () =>
            Results.Json(new { @object = "list", data = AvailableModels.Select(Model).ToList() }, Wire));

        app.MapGet("/v1/models/{id}", (string id) =>
            AvailableModels.Contains(id) ? Results.Json(Model(id), Wire) : ModelNotFound(id));

        app.MapPost("/v1/chat/completions", async (HttpRequest request) =>
            ChatCompletion(await JsonNode.ParseAsync(request.Body) as JsonObject));

        app.MapFallback((HttpContext context) => OpenAIError(404, $"Invalid URL ({context.Request.Method} {context.Request.Path})"));
    }

    protected override IResult ErrorResult(int status) => status switch
    {
        401 => InvalidApiKey(),
        429 => OpenAIError(429, "Rate limit reached for gpt-4o-mini in organization " + Organization +
            " on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.", "requests", "rate_limit_exceeded"),
        503 => OpenAIError(503, "The server is overloaded or not ready yet.", "server_error"),
        >= 500 => OpenAIError(status, "The server had an error while processing your request. Sorry about that!", "server_error"),
        _ => OpenAIError(status, "Invalid request."),
    };

    /// <summary>OpenAI's checks before any route: the Bearer key, then that a named organization is the key's.</summary>
    private static IResult? Authenticate(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return OpenAIError(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using " +
                "Bearer auth (i.e. Authorization: Bearer YOUR_KEY). You can obtain an API key from https://platform.openai.com/account/api-keys.");
        }

        if (authorization["Bearer ".Length..].Trim() != ValidApiKey)
        {
            return InvalidApiKey();
        }

        return request.Headers.TryGetValue("OpenAI-Organization", out var organization) && organization != Organization
            ? OpenAIError(401, "OpenAI-Organization header should match organization for API key", code: "mismatched_organization")
            : null;
    }

    private IResult ChatCompletion(JsonObject? body)
    {
        var model = body?["model"]?.GetValue<string>();
        if (model is null)
        {
            return OpenAIError(400, "you must provide a model parameter", param: null);
        }

        if (!AvailableModels.Contains(model))
        {
            return ModelNotFound(model);
        }

        if (body!["messages"] is not JsonArray { Count: > 0 } messages)
        {
            return OpenAIError(400, "Missing required parameter: 'messages'.", param: "messages", code: "missing_required_parameter");
        }

        if (body["stream"]?.GetValue<bool>() == true)
        {
            return OpenAIError(400, "This fake answers chat completions without streaming only.", param: "stream");
        }

        var prompt = string.Join("\n", messages.Select(m => Text(m?["content"])));
        var lastUserMessage = messages.LastOrDefault(m => m?["role"]?.GetValue<string>() == "user") is { } last ? Text(last["content"]) : "";
        var answer = Reply(lastUserMessage);
        var promptTokens = Tokens(prompt);
        var completionTokens = Tokens(answer);
        return Results.Json(new
        {
            id = "chatcmpl-" + Guid.NewGuid().ToString("N")[..24],
            @object = "chat.completion",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            model,
            choices = new[]
            {
                new
                {
                    index = 0,
                    message = new { role = "assistant", content = answer, refusal = (string?)null, annotations = Array.Empty<object>() },
                    logprobs = (object?)null,
                    finish_reason = "stop",
                },
            },
            usage = new
            {
                prompt_tokens = promptTokens,
                completion_tokens = completionTokens,
                total_tokens = promptTokens + completionTokens,
                prompt_tokens_details = new { cached_tokens = 0, audio_tokens = 0 },
                completion_tokens_details = new { reasoning_tokens = 0, audio_tokens = 0, accepted_prediction_tokens = 0, rejected_prediction_tokens = 0 },
            },
            service_tier = "default",
            system_fingerprint = "fp_fake0001",
        }, Wire);
    }

    /// <summary>A message's content: a plain string or an array of parts, of which the text parts count.</summary>
    private static string Text(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts
            .Where(part => part?["type"]?.GetValue<string>() == "text")
            .Select(part => part!["text"]?.GetValue<string>())),
        _ => "",
    };

    // Roughly OpenAI's ratio for English: a token is about three quarters of a word.
    private static int Tokens(string text) => (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length * 4 + 2) / 3;

    private static object Model(string id) => new
    {
        id,
        @object = "model",
        created = 1_721_172_741,
        owned_by = "system",
    };

    private static IResult InvalidApiKey() =>
        OpenAIError(401, "Incorrect API key provided: sk-proj-****abcd. You can find your API key at https://platform.openai.com/account/api-keys.",
            code: "invalid_api_key");

    private static IResult InsufficientQuota() =>
        OpenAIError(429, "You exceeded your current quota, please check your plan and billing details. For more information on this error, " +
            "read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.", "insufficient_quota", "insufficient_quota");

    private static IResult ModelNotFound(string id) =>
        OpenAIError(404, $"The model `{id}` does not exist or you do not have access to it.", code: "model_not_found");

    private static IResult OpenAIError(int status, string message, string type = "invalid_request_error", string? code = null, string? param = null) =>
        Results.Json(new { error = new { message, type, param, code } }, Wire, statusCode: status);
}
