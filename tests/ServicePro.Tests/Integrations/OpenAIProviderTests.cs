using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ServicePro.Abstractions.Integrations;
using ServicePro.Tests.Fakes;

namespace ServicePro.Tests.Integrations;

/// <summary>The OpenAI plugin, loaded as the host loads it, against a local OpenAI stand-in.</summary>
public sealed class OpenAIProviderTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> KeyOnly = new() { ["api_key"] = FakeOpenAI.ValidApiKey };

    private readonly IIntegrationProvider _provider = ProviderHarness.Load("ServicePro.Integrations.OpenAI");
    private FakeOpenAI _openAI = null!;

    public async Task InitializeAsync() => _openAI = await FakeService.StartAsync<FakeOpenAI>();

    public async Task DisposeAsync() => await _openAI.DisposeAsync();

    [Fact]
    public void It_asks_for_an_API_key_and_optionally_a_model_and_organization()
    {
        Assert.Equal("openai", _provider.Key);
        Assert.Equal(["api_key", "model", "organization"], _provider.Fields.Select(f => f.Key));
        Assert.Equal([true, false, false], _provider.Fields.Select(f => f.Secret));
        Assert.Equal([true, false, false], _provider.Fields.Select(f => f.Required));
        Assert.Equal(new Uri("https://api.openai.com/v1/"), _provider.Endpoints["api"]);
    }

    [Theory]
    [InlineData("sk-proj-AbCdEf0123456789_AbCdEf0123456789-xyz", null, null)]
    [InlineData("sk-svcacct-AbCdEf0123456789AbCdEf0123456789", "gpt-4.1-mini", "org-AbCdEf0123456789")]
    [InlineData("sk-AbCdEf0123456789AbCdEf0123456789AbCdEf0123456789", "ft:gpt-4o-mini-2024-07-18:shiny-wheels::AbC123", "")]
    public void Well_formed_values_pass(string apiKey, string? model, string? organization)
    {
        var values = new Dictionary<string, string> { ["api_key"] = apiKey };
        if (model is not null)
        {
            values["model"] = model;
        }

        if (organization is not null)
        {
            values["organization"] = organization;
        }

        Assert.Empty(_provider.Validate(values));
    }

    [Theory]
    [InlineData("api_key", "", "Enter your OpenAI API key")]
    [InlineData("api_key", "sk-proj-tooShort", "starts with sk-")]
    [InlineData("api_key", "pk-AbCdEf0123456789AbCdEf0123456789", "starts with sk-")]
    [InlineData("api_key", "sk-proj-AbCdEf0123 456789AbCdEf0123456789", "spaces")]
    [InlineData("api_key", "sk-admin-AbCdEf0123456789AbCdEf0123456789", "admin key")]
    [InlineData("model", "gpt 4o", "model name")]
    [InlineData("organization", "acme-corp", "org-")]
    public void A_malformed_value_is_named_without_being_echoed(string field, string value, string expected)
    {
        var values = new Dictionary<string, string>(KeyOnly) { [field] = value };

        var problem = Assert.Single(_provider.Validate(values));

        Assert.Equal(field, problem.Field);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        if (value.Length > 0)
        {
            Assert.DoesNotContain(value, problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_working_key_reports_the_default_model_from_one_GET_of_the_model()
    {
        var result = await _provider.TestConnectionAsync(Context(KeyOnly), CancellationToken.None);

        Assert.True(result.Succeeded, result.Summary);
        Assert.Equal("Connected to OpenAI: gpt-4o-mini is ready to use.", result.Summary);
        Assert.Equal(new Dictionary<string, string> { ["model"] = "gpt-4o-mini", ["owned_by"] = "system" }, result.Findings);
        AssertNoSecrets(result);

        var request = Assert.Single(_openAI.Requests);
        Assert.Equal(("GET", "/v1/models/gpt-4o-mini"), (request.Method, request.Path));
        Assert.Equal("Bearer " + FakeOpenAI.ValidApiKey, request.Authorization);
        Assert.False(request.Headers.ContainsKey("OpenAI-Organization"));
    }

    [Fact]
    public async Task The_chosen_model_and_organization_are_used()
    {
        var values = new Dictionary<string, string>(KeyOnly) { ["model"] = "gpt-4.1-mini", ["organization"] = FakeOpenAI.Organization };

        var result = await _provider.TestConnectionAsync(Context(values), CancellationToken.None);

        Assert.True(result.Succeeded, result.Summary);
        Assert.Equal("gpt-4.1-mini", result.Findings["model"]);
        var request = Assert.Single(_openAI.Requests);
        Assert.Equal("/v1/models/gpt-4.1-mini", request.Path);
        Assert.Equal(FakeOpenAI.Organization, request.Headers["OpenAI-Organization"]);
    }

    [Fact]
    public async Task An_endpoint_configured_with_its_path_is_used_as_given()
    {
        var context = new IntegrationContext(
            new HttpClient(), KeyOnly, new Dictionary<string, Uri> { ["api"] = _openAI.ApiBase }, ProviderHarness.Tenant);

        var result = await _provider.TestConnectionAsync(context, CancellationToken.None);

        Assert.True(result.Succeeded, result.Summary);
        Assert.Equal("/v1/models/gpt-4o-mini", Assert.Single(_openAI.Requests).Path);
    }

    [Fact]
    public async Task A_host_client_without_its_own_timeout_is_accepted()
    {
        var context = new IntegrationContext(
            new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, KeyOnly, new Dictionary<string, Uri> { ["api"] = _openAI.BaseAddress }, ProviderHarness.Tenant);

        var result = await _provider.TestConnectionAsync(context, CancellationToken.None);

        Assert.True(result.Succeeded, result.Summary);
    }

    [Fact]
    public async Task A_rejected_API_key_is_named()
    {
        var wrongKey = "sk-proj-SomeoneElsesKey0000000000000000000000000000wxyz";

        var result = await _provider.TestConnectionAsync(Context(new Dictionary<string, string> { ["api_key"] = wrongKey }), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("That API key was rejected by OpenAI.", result.Summary);
        Assert.DoesNotContain(wrongKey[^4..], result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organization_the_key_does_not_belong_to_is_named()
    {
        var values = new Dictionary<string, string>(KeyOnly) { ["organization"] = "org-SomeoneElse0001" };

        var result = await _provider.TestConnectionAsync(Context(values), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("organization ID doesn't match", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_the_account_cannot_use_is_named()
    {
        var values = new Dictionary<string, string>(KeyOnly) { ["model"] = "gpt-5-pro" };

        var result = await _provider.TestConnectionAsync(Context(values), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Your OpenAI account can't use the model 'gpt-5-pro'. Pick another model or check your project's model access.", result.Summary);
    }

    [Fact]
    public async Task An_account_out_of_credit_is_told_so_rather_than_to_wait()
    {
        _openAI.InsufficientQuotaNext();

        var result = await _provider.TestConnectionAsync(Context(KeyOnly), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Your OpenAI account is out of credit", result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("few minutes", result.Summary, StringComparison.Ordinal);
        Assert.Single(_openAI.Requests);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_busy_or_failing_OpenAI_means_try_again_later_without_retrying_itself(int status)
    {
        _openAI.FailNext(status);

        var result = await _provider.TestConnectionAsync(Context(KeyOnly), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("try again in a few minutes", result.Summary, StringComparison.Ordinal);
        Assert.Single(_openAI.Requests);
        AssertNoSecrets(result);
    }

    [Fact]
    public async Task A_hanging_OpenAI_gives_up_at_the_clients_timeout()
    {
        _openAI.HangNext();
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _provider.TestConnectionAsync(Context(KeyOnly, TimeSpan.FromSeconds(1)), CancellationToken.None));

        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        Assert.Single(_openAI.Requests);
    }

    [Fact]
    public async Task The_fake_lists_the_available_models()
    {
        using var http = FakeClient();

        using var list = JsonDocument.Parse(await http.GetStringAsync(new Uri(_openAI.ApiBase, "models")));

        Assert.Equal("list", list.RootElement.GetProperty("object").GetString());
        Assert.Equal(_openAI.AvailableModels.Order(StringComparer.Ordinal),
            list.RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task The_fake_answers_a_chat_completion_from_the_last_user_message()
    {
        using var http = FakeClient();
        var body = new
        {
            model = "gpt-4o-mini",
            messages = new object[]
            {
                new { role = "system", content = "You draft short, friendly texts for Shiny Wheels Detailing." },
                new { role = "user", content = "Remind Dana about tomorrow's 9am detail." },
                new { role = "assistant", content = "Sure." },
                new { role = "user", content = new[] { new { type = "text", text = "Make it shorter." } } },
            },
        };

        using var response = await http.PostAsJsonAsync(new Uri(_openAI.ApiBase, "chat/completions"), body);
        using var completion = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = completion.RootElement;
        Assert.Equal("chat.completion", root.GetProperty("object").GetString());
        Assert.StartsWith("chatcmpl-", root.GetProperty("id").GetString(), StringComparison.Ordinal);
        var choice = root.GetProperty("choices")[0];
        Assert.Equal("stop", choice.GetProperty("finish_reason").GetString());
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        Assert.Equal("Draft reply: Make it shorter.", choice.GetProperty("message").GetProperty("content").GetString());
        var usage = root.GetProperty("usage");
        Assert.Equal(
            usage.GetProperty("prompt_tokens").GetInt32() + usage.GetProperty("completion_tokens").GetInt32(),
            usage.GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task The_fake_refuses_chat_for_an_unknown_model_a_wrong_key_or_no_credit()
    {
        using var http = FakeClient();
        var chat = new Uri(_openAI.ApiBase, "chat/completions");
        object Body(string model) => new { model, messages = new[] { new { role = "user", content = "Hi" } } };

        using var unknownModel = await http.PostAsJsonAsync(chat, Body("gpt-5-pro"));
        _openAI.InsufficientQuotaNext();
        using var noCredit = await http.PostAsJsonAsync(chat, Body("gpt-4o-mini"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk-proj-wrong");
        using var wrongKey = await http.PostAsJsonAsync(chat, Body("gpt-4o-mini"));

        Assert.Equal((HttpStatusCode.NotFound, "model_not_found"), (unknownModel.StatusCode, await ErrorCode(unknownModel)));
        Assert.Equal((HttpStatusCode.TooManyRequests, "insufficient_quota"), (noCredit.StatusCode, await ErrorCode(noCredit)));
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_api_key"), (wrongKey.StatusCode, await ErrorCode(wrongKey)));
    }

    private IntegrationContext Context(IReadOnlyDictionary<string, string> values, TimeSpan? timeout = null) =>
        ProviderHarness.Context(_provider, _openAI, values, timeout: timeout);

    private static HttpClient FakeClient()
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", FakeOpenAI.ValidApiKey);
        return http;
    }

    private static async Task<string?> ErrorCode(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetProperty("code").GetString();
    }

    private static void AssertNoSecrets(ConnectionTestResult result)
    {
        Assert.DoesNotContain(FakeOpenAI.ValidApiKey, result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Value.Contains(FakeOpenAI.ValidApiKey, StringComparison.Ordinal));
    }
}
