using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServicePro.Host.Integrations;
using ServicePro.Host.Secrets;
using ServicePro.Tests.Fakes;
using ServicePro.Tests.Infrastructure;
using static ServicePro.Tests.Onboarding.OnboardingFlow;

namespace ServicePro.Tests.Integrations;

/// <summary>The integrations API over the real provider plugins and the host's resilient client, against local fakes.</summary>
public sealed class IntegrationApiTests(FakedProvidersApp app) : IClassFixture<FakedProvidersApp>
{
    private FakeProviders Fakes => app.Fakes;

    [Fact]
    public async Task Every_provider_is_listed_with_its_form_and_not_configured_at_first()
    {
        var tenant = await app.CreateTenantAsync();

        var list = await GetAsync(tenant.Owner, "/api/integrations");

        var keys = list.EnumerateArray().Select(i => i.GetProperty("key").GetString()).Order().ToList();
        Assert.Equal(["google", "open_meteo", "openai", "sendgrid", "stripe", "twilio"], keys);
        Assert.All(list.EnumerateArray(), i => Assert.Equal("not_configured", i.GetProperty("status").GetString()));
        var twilio = list.EnumerateArray().Single(i => i.GetProperty("key").GetString() == "twilio");
        var token = twilio.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "auth_token");
        Assert.True(token.GetProperty("secret").GetBoolean());
        Assert.False(token.GetProperty("isSet").GetBoolean());
    }

    [Fact]
    public async Task Secrets_are_write_only_shown_masked_and_a_blank_secret_keeps_the_stored_one()
    {
        var tenant = await app.CreateTenantAsync();

        var saved = await SaveIntegrationAsync(tenant.Owner, "stripe", Stripe());
        var again = await SaveIntegrationAsync(tenant.Owner, "stripe", new() { ["secret_key"] = "", ["publishable_key"] = FakeStripe.ValidPublishableKey });
        var view = await tenant.Owner.GetStringAsync(new Uri("/api/integrations/stripe", UriKind.Relative));
        var list = await tenant.Owner.GetStringAsync(new Uri("/api/integrations", UriKind.Relative));

        Assert.True(again.GetProperty("succeeded").GetBoolean(), again.ToString());
        foreach (var body in new[] { saved.ToString(), again.ToString(), view, list })
        {
            Assert.DoesNotContain(FakeStripe.ValidSecretKey, body, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeStripe.ValidWebhookSecret, body, StringComparison.Ordinal);
        }

        var secret = JsonDocument.Parse(view).RootElement.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "secret_key");
        Assert.Equal("••••" + FakeStripe.ValidSecretKey[^4..], secret.GetProperty("masked").GetString());
        Assert.Equal(JsonValueKind.Null, secret.GetProperty("value").ValueKind);
        var publishable = JsonDocument.Parse(view).RootElement.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "publishable_key");
        Assert.Equal(FakeStripe.ValidPublishableKey, publishable.GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_rejected_credential_is_recorded_as_failed_in_words_an_owner_understands()
    {
        var tenant = await app.CreateTenantAsync();

        var result = await SaveIntegrationAsync(tenant.Owner, "twilio", Twilio(token: "0123456789abcdef0123456789abcdef"));

        Assert.False(result.GetProperty("succeeded").GetBoolean());
        Assert.Equal("That auth token was rejected by Twilio. Check the Account SID and Auth Token in your Twilio console.",
            result.GetProperty("summary").GetString());
        var row = await app.InTenantAsync(tenant.Slug, db => Task.FromResult(db.TenantIntegrations.Single(i => i.Provider == "twilio")));
        Assert.Equal(ServicePro.Host.Integrations.IntegrationStatus.Failed, row.Status);
        Assert.Equal(result.GetProperty("summary").GetString(), row.LastError);
        Assert.NotNull(row.LastTestedAt);
    }

    [Fact]
    public async Task Badly_formatted_values_are_refused_before_anything_is_stored_or_called()
    {
        var tenant = await app.CreateTenantAsync();
        var calls = Fakes.Twilio.Requests.Count;

        var response = await tenant.Owner.PutAsJsonAsync("/api/integrations/twilio",
            new { values = new Dictionary<string, string?> { ["account_sid"] = "nope", ["auth_token"] = "short-secret-value", ["colour"] = "red" } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("account_sid"));
        Assert.NotEmpty(problem.ErrorsFor("phone_number"));
        Assert.NotEmpty(problem.ErrorsFor("colour"));
        Assert.DoesNotContain("short-secret-value", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(calls, Fakes.Twilio.Requests.Count);
        Assert.Equal(0, await app.InTenantAsync(tenant.Slug, db => Task.FromResult(db.TenantSecrets.Count())));
        await (await tenant.Owner.PutAsJsonAsync("/api/integrations/carrier_pigeon", new { values = new { } })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_429_is_retried_with_backoff_and_the_test_still_succeeds()
    {
        var tenant = await app.CreateTenantAsync();
        var before = Fakes.Stripe.RequestsTo("/v1/account").Count;
        Fakes.Stripe.FailNext(429, times: 2);

        var result = await SaveIntegrationAsync(tenant.Owner, "stripe", Stripe());

        Assert.True(result.GetProperty("succeeded").GetBoolean(), result.ToString());
        Assert.Equal(before + 3, Fakes.Stripe.RequestsTo("/v1/account").Count);
    }

    [Fact]
    public async Task A_5xx_on_a_read_is_retried_but_a_401_is_not()
    {
        var tenant = await app.CreateTenantAsync();
        await SaveIntegrationAsync(tenant.Owner, "openai", OpenAI());

        var before = Fakes.OpenAI.Requests.Count;
        Fakes.OpenAI.FailNext(503);
        var retried = await Test(tenant.Owner, "openai");
        Assert.True(retried.GetProperty("succeeded").GetBoolean(), retried.ToString());
        Assert.Equal(before + 2, Fakes.OpenAI.Requests.Count);

        before = Fakes.OpenAI.Requests.Count;
        Fakes.OpenAI.FailNext(401);
        var rejected = await Test(tenant.Owner, "openai");
        Assert.False(rejected.GetProperty("succeeded").GetBoolean());
        Assert.Contains("rejected by OpenAI", rejected.GetProperty("summary").GetString());
        Assert.Equal(before + 1, Fakes.OpenAI.Requests.Count);
    }

    [Fact]
    public async Task A_service_that_stays_busy_is_reported_as_try_again_later()
    {
        var tenant = await app.CreateTenantAsync();
        Fakes.SendGrid.FailNext(500, times: 10);

        var result = await SaveIntegrationAsync(tenant.Owner, "sendgrid", SendGrid());

        Assert.False(result.GetProperty("succeeded").GetBoolean());
        Assert.Contains("try again", result.GetProperty("summary").GetString(), StringComparison.OrdinalIgnoreCase);
        DrainFaults(Fakes.SendGrid);
    }

    [Fact]
    public async Task A_service_that_never_answers_times_out_with_a_plain_message_and_nothing_hangs()
    {
        var tenant = await app.CreateTenantAsync();
        Fakes.Google.HangNext();

        var started = DateTime.UtcNow;
        var result = await SaveIntegrationAsync(tenant.Owner, "google", Google());

        Assert.False(result.GetProperty("succeeded").GetBoolean());
        Assert.Equal("Google Calendar did not answer in time. Nothing was changed; try again in a few minutes.", result.GetProperty("summary").GetString());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
        Assert.True((await Test(tenant.Owner, "google")).GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task Open_Meteo_needs_no_key_and_reports_the_forecast_for_the_service_area_center()
    {
        var tenant = await app.CreateTenantAsync();
        (await tenant.Owner.PutAsJsonAsync("/api/onboarding/business-basics", Basics())).EnsureSuccessStatusCode();

        var result = await Test(tenant.Owner, "open_meteo");

        Assert.True(result.GetProperty("succeeded").GetBoolean(), result.ToString());
        Assert.StartsWith("Forecast for your service area", result.GetProperty("summary").GetString());
        var query = Fakes.OpenMeteo.RequestsTo("/v1/forecast")[^1].Query;
        Assert.Contains("latitude=36.15", query);
        Assert.Contains("timezone=America%2FChicago", query);
    }

    [Fact]
    public async Task One_tenants_credentials_are_invisible_to_another()
    {
        var first = await app.CreateTenantAsync();
        var second = await app.CreateTenantAsync();
        await SaveIntegrationAsync(first.Owner, "stripe", Stripe());

        var seen = await GetAsync(second.Owner, "/api/integrations/stripe");

        Assert.Equal("not_configured", seen.GetProperty("status").GetString());
        Assert.All(seen.GetProperty("fields").EnumerateArray(), f => Assert.False(f.GetProperty("isSet").GetBoolean()));
    }

    private static async Task<JsonElement> Test(HttpClient owner, string key)
    {
        var response = await owner.PostAsync(new Uri($"/api/integrations/{key}/test", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static void DrainFaults(FakeService fake)
    {
        // Scripted faults left over (fewer retries than scripted) must not leak into other tests.
        fake.ClearFaults();
    }
}
