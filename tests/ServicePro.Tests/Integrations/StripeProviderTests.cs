using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using ServicePro.Abstractions.Integrations;
using ServicePro.Tests.Fakes;

namespace ServicePro.Tests.Integrations;

/// <summary>The Stripe plugin, loaded as the host loads it, against a local Stripe stand-in.</summary>
public sealed class StripeProviderTests : IAsyncLifetime
{
    private const string LiveSecretKey = "sk_live_51PqFakeShinyWheels0SecretKey00000000000000000009876";
    private const string LivePublishableKey = "pk_live_51PqFakeShinyWheels0PublishableKey000000000000005432";

    private static readonly Dictionary<string, string> GoodValues = new()
    {
        ["secret_key"] = FakeStripe.ValidSecretKey,
        ["publishable_key"] = FakeStripe.ValidPublishableKey,
        ["webhook_secret"] = FakeStripe.ValidWebhookSecret,
    };

    private readonly IIntegrationProvider _provider = ProviderHarness.Load("ServicePro.Integrations.Stripe");
    private FakeStripe _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeService.StartAsync<FakeStripe>();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public void It_asks_for_the_secret_and_publishable_keys_and_optionally_the_webhook_secret()
    {
        Assert.Equal("stripe", _provider.Key);
        Assert.Equal(["secret_key", "publishable_key", "webhook_secret"], _provider.Fields.Select(f => f.Key));
        Assert.Equal([true, false, true], _provider.Fields.Select(f => f.Secret));
        Assert.Equal([true, true, false], _provider.Fields.Select(f => f.Required));
        Assert.Equal(new Uri("https://api.stripe.com/"), _provider.Endpoints["api"]);
    }

    [Fact]
    public void Well_formed_keys_of_one_mode_pass()
    {
        Assert.Empty(_provider.Validate(GoodValues));
        Assert.Empty(_provider.Validate(new Dictionary<string, string> { ["secret_key"] = LiveSecretKey, ["publishable_key"] = LivePublishableKey }));
        Assert.Empty(_provider.Validate(new Dictionary<string, string>
        {
            ["secret_key"] = "rk_live_51PqFakeRestricted000000000000000000000001",
            ["publishable_key"] = LivePublishableKey,
            ["webhook_secret"] = "",
        }));
    }

    [Theory]
    [InlineData("secret_key", FakeStripe.ValidPublishableKey, "publishable key")]
    [InlineData("secret_key", FakeStripe.ValidWebhookSecret, "webhook signing secret")]
    [InlineData("secret_key", "sk_test_short", "sk_live_ or sk_test_")]
    [InlineData("secret_key", "sk_prod_51PqFakeShinyWheels0SecretKey0000", "sk_live_ or sk_test_")]
    [InlineData("secret_key", "sk_test_51PqFake ShinyWheels0SecretKey0000", "spaces")]
    [InlineData("publishable_key", FakeStripe.ValidSecretKey, "secret key")]
    [InlineData("publishable_key", "pk_test_abc", "pk_live_ or pk_test_")]
    [InlineData("webhook_secret", "whsec_short", "whsec_")]
    [InlineData("webhook_secret", "we_1PqFakeWebhookEndpoint000000", "whsec_")]
    public void A_malformed_key_is_named_without_being_echoed(string field, string value, string expected)
    {
        var values = new Dictionary<string, string>(GoodValues) { [field] = value };

        var problem = Assert.Single(_provider.Validate(values));

        Assert.Equal(field, problem.Field);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_from_different_modes_are_refused_in_plain_words()
    {
        var problem = Assert.Single(_provider.Validate(new Dictionary<string, string>
        {
            ["secret_key"] = LiveSecretKey,
            ["publishable_key"] = FakeStripe.ValidPublishableKey,
        }));

        Assert.Equal("publishable_key", problem.Field);
        Assert.Equal(
            "The secret key is a live-mode key but the publishable key is a test-mode key; use both keys from the same mode.",
            problem.Message);
    }

    [Fact]
    public void Missing_required_keys_are_asked_for()
    {
        var problems = _provider.Validate(new Dictionary<string, string>());

        Assert.Equal(["secret_key", "publishable_key"], problems.Select(p => p.Field));
    }

    [Fact]
    public async Task A_working_key_reports_the_account_from_one_GET_of_v1_account()
    {
        var result = await _provider.TestConnectionAsync(Context(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Summary);
        Assert.Equal("Connected to Stripe in test mode: Shiny Wheels Detailing can take card payments.", result.Summary);
        Assert.Equal(new Dictionary<string, string>
        {
            ["account_id"] = _stripe.AccountId,
            ["charges_enabled"] = "true",
            ["payouts_enabled"] = "true",
            ["details_submitted"] = "true",
            ["business_name"] = "Shiny Wheels Detailing",
            ["mode"] = "test",
            ["country"] = "US",
            ["default_currency"] = "usd",
        }, result.Findings);
        AssertNoSecrets(result);

        var request = Assert.Single(_stripe.Requests);
        Assert.Equal(("GET", "/v1/account"), (request.Method, request.Path));
        Assert.Equal("Bearer " + FakeStripe.ValidSecretKey, request.Authorization);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}", request.Headers["Stripe-Version"]);
        Assert.StartsWith("Stripe/V1 .NetBindings/", request.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.False(request.Headers.ContainsKey("X-Stripe-Client-Telemetry"));
    }

    [Fact]
    public async Task An_account_that_cannot_take_charges_yet_connects_but_says_to_finish_activation()
    {
        _stripe.ChargesEnabled = false;
        _stripe.PayoutsEnabled = false;
        _stripe.DetailsSubmitted = false;

        var result = await _provider.TestConnectionAsync(Context(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Summary);
        Assert.Contains("Stripe hasn't enabled charges on this account yet — finish activation in your Stripe dashboard", result.Summary, StringComparison.Ordinal);
        Assert.Equal("false", result.Findings["charges_enabled"]);
        Assert.Equal("false", result.Findings["payouts_enabled"]);
        Assert.Equal("false", result.Findings["details_submitted"]);
    }

    [Fact]
    public async Task Without_a_business_name_the_dashboard_display_name_is_used()
    {
        _stripe.BusinessName = null;

        var result = await _provider.TestConnectionAsync(Context(), CancellationToken.None);

        Assert.Equal("Shiny Wheels", result.Findings["business_name"]);
        Assert.Contains("Shiny Wheels can take card payments", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_secret_key_is_named()
    {
        var wrongKey = "sk_test_51PqSomeoneElsesKey000000000000000000000000000000000077";
        var values = new Dictionary<string, string>(GoodValues) { ["secret_key"] = wrongKey };

        var result = await _provider.TestConnectionAsync(Context(values), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("That secret key was rejected by Stripe.", result.Summary);
        Assert.Empty(result.Findings);
        Assert.DoesNotContain(wrongKey[^4..], result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restricted_key_without_account_access_is_explained()
    {
        _stripe.FailNext(403);

        var result = await _provider.TestConnectionAsync(Context(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("restricted key", result.Summary, StringComparison.Ordinal);
        AssertNoSecrets(result);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_busy_or_failing_Stripe_means_try_again_later_without_retrying_itself(int status)
    {
        _stripe.FailNext(status);

        var result = await _provider.TestConnectionAsync(Context(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("try again in a few minutes", result.Summary, StringComparison.Ordinal);
        Assert.Single(_stripe.Requests);
        AssertNoSecrets(result);
    }

    [Fact]
    public async Task A_hanging_Stripe_gives_up_at_the_clients_timeout()
    {
        _stripe.HangNext();
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _provider.TestConnectionAsync(Context(timeout: TimeSpan.FromSeconds(1)), CancellationToken.None));

        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        Assert.Single(_stripe.Requests);
    }

    [Fact]
    public async Task The_fake_takes_the_key_as_Bearer_or_as_the_Basic_user_name_like_Stripe()
    {
        using var http = new HttpClient();
        var account = new Uri(_stripe.BaseAddress, "v1/account");
        async Task<(HttpStatusCode, string)> Get(string? authorization)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, account);
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(FakeStripe.ValidSecretKey + ":"));
        var (basicStatus, basicBody) = await Get(basic);
        var (missingStatus, missingBody) = await Get(null);
        var (wrongStatus, wrongBody) = await Get("Bearer sk_test_51PqSomeoneElsesKey00000000000000000000000009999");

        Assert.Equal(HttpStatusCode.OK, basicStatus);
        Assert.Equal("account", JsonDocument.Parse(basicBody).RootElement.GetProperty("object").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, missingStatus);
        Assert.Contains("You did not provide an API key", missingBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongStatus);
        Assert.Contains("Invalid API Key provided: sk_test_****9999", wrongBody, StringComparison.Ordinal);
    }

    private IntegrationContext Context(IReadOnlyDictionary<string, string>? values = null, TimeSpan? timeout = null) =>
        ProviderHarness.Context(_provider, _stripe, values ?? GoodValues, timeout: timeout);

    private static void AssertNoSecrets(ConnectionTestResult result)
    {
        foreach (var secret in new[] { FakeStripe.ValidSecretKey, FakeStripe.ValidWebhookSecret })
        {
            Assert.DoesNotContain(secret, result.Summary, StringComparison.Ordinal);
            Assert.DoesNotContain(result.Findings, f => f.Value.Contains(secret, StringComparison.Ordinal));
        }
    }
}
