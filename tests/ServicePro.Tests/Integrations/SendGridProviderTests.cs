using System.Diagnostics;
using System.Net;
using System.Text;
using ServicePro.Abstractions.Integrations;
using ServicePro.Tests.Fakes;

namespace ServicePro.Tests.Integrations;

/// <summary>The SendGrid plugin, loaded as the host loads it, against a local SendGrid fake.</summary>
public sealed class SendGridProviderTests : IAsyncLifetime
{
    private readonly IIntegrationProvider _provider = ProviderHarness.Load("ServicePro.Integrations.SendGrid");
    private FakeSendGrid _sendGrid = null!;

    private static Dictionary<string, string> Values(string apiKey = FakeSendGrid.DefaultApiKey) => new()
    {
        ["api_key"] = apiKey,
        ["from_email"] = FakeSendGrid.DefaultFromEmail,
        ["from_name"] = "Shiny Wheels Detailing",
    };

    public async Task InitializeAsync() => _sendGrid = await FakeService.StartAsync<FakeSendGrid>();

    public async Task DisposeAsync() => await _sendGrid.DisposeAsync();

    [Fact]
    public void Describes_its_fields_and_endpoint()
    {
        Assert.Equal("sendgrid", _provider.Key);
        Assert.Equal(["api_key", "from_email", "from_name"], _provider.Fields.Select(f => f.Key));
        Assert.True(_provider.Fields.Single(f => f.Key == "api_key").Secret);
        Assert.False(_provider.Fields.Single(f => f.Key == "from_email").Secret);
        Assert.False(_provider.Fields.Single(f => f.Key == "from_name").Required);
        Assert.Equal(new Uri("https://api.sendgrid.com/"), _provider.Endpoints["api"]);
    }

    [Fact]
    public void A_real_shaped_key_and_address_pass_validation() =>
        Assert.Empty(_provider.Validate(Values()));

    [Theory]
    [InlineData("")]
    [InlineData("sk-proj-1234567890abcdef")]
    [InlineData("SG.ngeVfQFYQlKU0ufo8x5d1A")]
    [InlineData("SG..TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr")]
    [InlineData("SG.ngeVfQFYQlKU0ufo8x5d1A.TwL2iGABf9DHoTf.09kqeF8tAmbihYzrnopKc")]
    [InlineData("sg.ngeVfQFYQlKU0ufo8x5d1A.TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr")]
    [InlineData("SG.ngeVfQFYQlKU0ufo8x5d1A.TwL2iGABf9DHoTf 09kqeF8tAmbihYzrnopKc-1s5cr")]
    public void A_malformed_api_key_is_refused_without_echoing_it(string apiKey)
    {
        var problem = Assert.Single(_provider.Validate(Values(apiKey)));

        Assert.Equal("api_key", problem.Field);
        if (apiKey.Length > 0)
        {
            Assert.DoesNotContain(apiKey, problem.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("owner@localhost")]
    [InlineData("Shiny Wheels <owner@shinywheels.example>")]
    [InlineData("owner@shinywheels.example, billing@shinywheels.example")]
    public void A_from_address_must_be_one_plain_email(string fromEmail)
    {
        var values = Values();
        values["from_email"] = fromEmail;

        Assert.Equal("from_email", Assert.Single(_provider.Validate(values)).Field);
    }

    [Fact]
    public void A_from_name_cannot_smuggle_a_header_line()
    {
        var values = Values();
        values["from_name"] = "Shiny\r\nBcc: everyone@example.com";

        Assert.Equal("from_name", Assert.Single(_provider.Validate(values)).Field);
    }

    [Fact]
    public async Task A_key_that_can_send_from_a_verified_sender_connects()
    {
        var context = ProviderHarness.Context(_provider, _sendGrid, Values());

        var result = await _provider.TestConnectionAsync(context, CancellationToken.None);

        Assert.True(result.Succeeded, result.Summary);
        Assert.Equal("Connected to SendGrid: this key can send email, and owner@shinywheels.example is a verified sender.", result.Summary);
        Assert.Equal("7", result.Findings["scopes_count"]);
        Assert.Equal("true", result.Findings["mail_send"]);
        Assert.Equal("true", result.Findings["sender_verified"]);
        Assert.Equal("single_sender", result.Findings["sender_verification"]);
        AssertRevealsNothing(result);

        var scopes = Assert.Single(_sendGrid.RequestsTo("/v3/scopes"));
        Assert.Equal("GET", scopes.Method);
        Assert.Equal("Bearer " + FakeSendGrid.DefaultApiKey, scopes.Authorization);
        Assert.StartsWith("sendgrid/", scopes.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Single(_sendGrid.RequestsTo("/v3/verified_senders"));
        Assert.Empty(_sendGrid.RequestsTo("/v3/whitelabel/domains"));
    }

    [Fact]
    public async Task The_sdk_leaves_the_shared_http_client_untouched()
    {
        var context = ProviderHarness.Context(_provider, _sendGrid, Values());

        await _provider.TestConnectionAsync(context, CancellationToken.None);

        Assert.Empty(context.Http.DefaultRequestHeaders);
        Assert.Null(context.Http.BaseAddress);
    }

    [Fact]
    public async Task An_address_on_an_authenticated_domain_needs_no_single_sender()
    {
        _sendGrid.VerifiedSenders = [];
        _sendGrid.AuthenticatedDomains = [new(9_112_734, "shinywheels.example", Valid: true)];

        var result = await _provider.TestConnectionAsync(ProviderHarness.Context(_provider, _sendGrid, Values()), CancellationToken.None);

        Assert.True(result.Succeeded, result.Summary);
        Assert.Contains("shinywheels.example is an authenticated domain", result.Summary, StringComparison.Ordinal);
        Assert.Equal("domain", result.Findings["sender_verification"]);
    }

    [Fact]
    public async Task A_sender_still_waiting_for_its_verification_email_is_not_ready()
    {
        _sendGrid.VerifiedSenders = [new(1_482_366, FakeSendGrid.DefaultFromEmail, Verified: false)];
        _sendGrid.AuthenticatedDomains = [new(9_112_734, "shinywheels.example", Valid: false)];

        var result = await _provider.TestConnectionAsync(ProviderHarness.Context(_provider, _sendGrid, Values()), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("SendGrid hasn't verified owner@shinywheels.example as a sender yet", result.Summary, StringComparison.Ordinal);
        Assert.Contains("verification email", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_sender_is_told_where_to_verify_it()
    {
        _sendGrid.VerifiedSenders = [new(1_482_367, "someone-else@shinywheels.example", Verified: true)];

        var result = await _provider.TestConnectionAsync(ProviderHarness.Context(_provider, _sendGrid, Values()), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("Single Sender Verification", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_without_mail_send_is_refused()
    {
        _sendGrid.Scopes = ["stats.read", "alerts.read"];

        var result = await _provider.TestConnectionAsync(ProviderHarness.Context(_provider, _sendGrid, Values()), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("That API key can't send email; create a key with Mail Send permission.", result.Summary);
    }

    [Fact]
    public async Task A_mail_send_only_key_connects_but_says_the_sender_was_not_checked()
    {
        _sendGrid.Scopes = ["mail.send"];

        var result = await _provider.TestConnectionAsync(ProviderHarness.Context(_provider, _sendGrid, Values()), CancellationToken.None);

        Assert.True(result.Succeeded, result.Summary);
        Assert.Contains("make sure owner@shinywheels.example is verified", result.Summary, StringComparison.Ordinal);
        Assert.Equal("unchecked", result.Findings["sender_verification"]);
        Assert.Equal("unknown", result.Findings["sender_verified"]);
    }

    [Fact]
    public async Task A_wrong_key_is_rejected_in_words_for_the_owner()
    {
        const string wrongKey = "SG.AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";

        var result = await _provider.TestConnectionAsync(ProviderHarness.Context(_provider, _sendGrid, Values(wrongKey)), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("That API key was rejected by SendGrid.", result.Summary);
        AssertRevealsNothing(result, wrongKey);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_busy_or_failing_sendgrid_asks_to_try_again(int status)
    {
        _sendGrid.FailNext(status);

        var result = await _provider.TestConnectionAsync(ProviderHarness.Context(_provider, _sendGrid, Values()), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("try again in a few minutes", result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("{", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hanging_sendgrid_gives_up_within_the_clients_timeout()
    {
        _sendGrid.HangNext();
        var context = ProviderHarness.Context(_provider, _sendGrid, Values(), timeout: TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _provider.TestConnectionAsync(context, CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task The_fake_accepts_mail_from_a_verified_sender_and_refuses_others()
    {
        using var http = new HttpClient();

        using var accepted = await http.SendAsync(MailSend("owner@shinywheels.example"));
        using var refused = await http.SendAsync(MailSend("someone@elsewhere.example"));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.True(accepted.Headers.Contains("X-Message-Id"));
        var mail = Assert.Single(_sendGrid.SentMail);
        Assert.Equal(["customer@example.com"], mail.To);
        Assert.Equal("Your detail is booked", mail.Subject);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("verified Sender Identity", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpRequestMessage MailSend(string from)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_sendGrid.BaseAddress, "v3/mail/send"))
        {
            Content = new StringContent(
                $$"""
                {"personalizations":[{"to":[{"email":"customer@example.com"}]}],"from":{"email":"{{from}}","name":"Shiny Wheels"},
                 "subject":"Your detail is booked","content":[{"type":"text/plain","value":"See you Tuesday at 9."}]}
                """,
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Authorization = new("Bearer", FakeSendGrid.DefaultApiKey);
        return request;
    }

    private static void AssertRevealsNothing(ConnectionTestResult result, string secret = FakeSendGrid.DefaultApiKey)
    {
        Assert.DoesNotContain(secret, result.Summary, StringComparison.Ordinal);
        Assert.All(result.Findings, f => Assert.DoesNotContain(secret, f.Key + f.Value, StringComparison.Ordinal));
    }
}
