using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServicePro.Abstractions;
using ServicePro.Host.Messaging;
using ServicePro.Tests.Fakes;
using ServicePro.Tests.Infrastructure;
using static ServicePro.Tests.Onboarding.OnboardingFlow;

namespace ServicePro.Tests.Onboarding;

public sealed class OnboardingApiTests(FakedProvidersApp app) : IClassFixture<FakedProvidersApp>
{
    private FakeProviders Fakes => app.Fakes;

    [Fact]
    public async Task A_new_business_walks_the_nine_steps_through_the_API_against_the_fakes_and_goes_live()
    {
        var tenant = await app.CreateTenantAsync("auto_detail");
        var owner = tenant.Owner;

        var start = await GetAsync(owner, "/api/onboarding");
        Assert.Equal(9, start.GetProperty("steps").GetArrayLength());
        Assert.Equal("completed", Step(start, "industry_pack").GetProperty("status").GetString()); // chosen at creation
        Assert.Equal("business_basics", start.GetProperty("currentStep").GetString());

        (await owner.PutAsJsonAsync("/api/onboarding/business-basics", Basics())).EnsureSuccessStatusCode();
        (await owner.PutAsJsonAsync("/api/onboarding/industry-pack", new { pack = "auto_detail" })).EnsureSuccessStatusCode();

        var twilio = await SaveIntegrationAsync(owner, "twilio", Twilio());
        Assert.True(twilio.GetProperty("succeeded").GetBoolean(), twilio.GetProperty("summary").GetString());
        Assert.Contains("+19185550100", twilio.GetProperty("summary").GetString());

        var draft = await GetAsync(owner, "/api/onboarding/a2p");
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Empty(draft.GetProperty("problems").EnumerateObject());
        Assert.Contains("Shiny Wheels Detailing", draft.GetProperty("campaign").GetProperty("messageSamples")[0].GetString());

        var submitted = await owner.PostAsync(new Uri("/api/onboarding/a2p/submit", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        // The background job files the brand; the carriers approve it; the next poll files the campaign.
        var brand = await Eventually.FindAsync(() => Fakes.Twilio.Brands.Values.FirstOrDefault(), "The brand-registration job filed no brand", TimeSpan.FromSeconds(90));
        Assert.Equal(CustomerProfileBundle, brand.CustomerProfileBundleSid);
        Fakes.Twilio.ApproveBrand(brand.Sid);
        var campaign = await Eventually.FindAsync(() => Fakes.Twilio.Campaigns.Values.FirstOrDefault(), "The campaign job filed no campaign", TimeSpan.FromSeconds(90));
        Assert.InRange(campaign.MessageSamples.Count, 2, 5);
        Fakes.Twilio.VerifyCampaign(campaign.Sid);
        var approved = await OnboardingFlow.WaitForAsync(owner, "/api/onboarding/a2p", s => s.GetProperty("status").GetString() == "approved");
        Assert.Equal("approved", approved.GetProperty("status").GetString());

        Assert.True((await SaveIntegrationAsync(owner, "google", Google())).GetProperty("succeeded").GetBoolean());
        Assert.True((await SaveIntegrationAsync(owner, "stripe", Stripe())).GetProperty("succeeded").GetBoolean());
        var skipped = await owner.PostAsync(new Uri("/api/onboarding/steps/openai/skip", UriKind.Relative), null);
        var skip = await skipped.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("AI assistant stays off", skip.GetProperty("consequence").GetString());
        Assert.True((await SaveIntegrationAsync(owner, "sendgrid", SendGrid())).GetProperty("succeeded").GetBoolean());

        var preflight = await GetAsync(owner, "/api/onboarding/preflight");
        Assert.True(preflight.GetProperty("green").GetBoolean(), preflight.ToString());
        Assert.DoesNotContain(preflight.GetProperty("items").EnumerateArray(), i => i.GetProperty("key").GetString() == "openai");
        Assert.Contains(preflight.GetProperty("items").EnumerateArray(), i => i.GetProperty("key").GetString() == "a2p");

        var live = await owner.PostAsync(new Uri("/api/onboarding/go-live", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var state = await GetAsync(owner, "/api/onboarding");
        Assert.Equal("active", state.GetProperty("tenantStatus").GetString());
        Assert.True(state.GetProperty("goLiveAt").ValueKind == JsonValueKind.String);
        Assert.Equal(9, state.GetProperty("stepsDone").GetInt32());
        var flags = await GetAsync(app.Operator(), $"/api/platform/tenants/{tenant.Slug}/flags");
        Assert.False(flags.GetProperty(FeatureFlags.AiAssistant).GetBoolean());
        Assert.True(flags.GetProperty(FeatureFlags.CalendarSync).GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsync(new Uri("/api/onboarding/go-live", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task Progress_is_kept_per_step_so_the_wizard_resumes_where_the_owner_left_it()
    {
        var tenant = await app.CreateTenantAsync();
        (await tenant.Owner.PutAsJsonAsync("/api/onboarding/business-basics", Basics())).EnsureSuccessStatusCode();
        await tenant.Owner.PostAsync(new Uri("/api/onboarding/steps/twilio/skip", UriKind.Relative), null);

        // A new sign-in (another device) sees the same progress.
        var again = await app.SignedInAsync(tenant.Slug, tenant.OwnerEmail);
        var state = await GetAsync(again, "/api/onboarding");

        Assert.Equal("completed", Step(state, "business_basics").GetProperty("status").GetString());
        Assert.Equal("skipped", Step(state, "twilio").GetProperty("status").GetString());
        Assert.Equal("a2p", state.GetProperty("currentStep").GetString());
        // Operators on call see where a business is stuck.
        Assert.Equal("a2p", (await GetAsync(app.Operator(), $"/api/platform/tenants/{tenant.Slug}")).GetProperty("onboardingStep").GetString());
        var basics = await GetAsync(again, "/api/onboarding/business-basics");
        Assert.Equal("+19185550100", basics.GetProperty("phone").GetString());
        Assert.Equal(30, basics.GetProperty("serviceArea").GetProperty("radiusMiles").GetDouble());
    }

    [Fact]
    public async Task Invalid_business_basics_are_refused_field_by_field_and_change_nothing()
    {
        var tenant = await app.CreateTenantAsync();
        var before = await GetAsync(tenant.Owner, "/api/onboarding/business-basics");

        var response = await tenant.Owner.PutAsJsonAsync("/api/onboarding/business-basics", new
        {
            brandName = "",
            primaryColor = "blue",
            secondaryColor = "#FFFFFF",
            email = "nope",
            phone = "12",
            timezone = "Mars/Olympus",
            serviceArea = new { latitude = 95, longitude = 0, radiusMiles = 0 },
            businessHours = new Dictionary<string, object> { ["monday"] = new { start = "17:00", end = "08:00", closed = false } },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "brandName", "primaryColor", "email", "phone", "timezone", "serviceArea.center", "serviceArea.radiusMiles", "businessHours" })
        {
            Assert.NotEmpty(problem.ErrorsFor(field));
        }

        Assert.Equal(before.ToString(), (await GetAsync(tenant.Owner, "/api/onboarding/business-basics")).ToString());
        Assert.Equal("pending", Step(await GetAsync(tenant.Owner, "/api/onboarding"), "business_basics").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Switching_the_pack_reseeds_services_templates_and_flags_but_keeps_skipped_capabilities_off()
    {
        var tenant = await app.CreateTenantAsync("lawn_care");
        await tenant.Owner.PostAsync(new Uri("/api/onboarding/steps/stripe/skip", UriKind.Relative), null);

        (await tenant.Owner.PutAsJsonAsync("/api/onboarding/industry-pack", new { pack = "pet_grooming" })).EnsureSuccessStatusCode();

        var services = await GetAsync(tenant.Owner, "/api/services");
        Assert.Contains(services.EnumerateArray(), s => s.GetProperty("name").GetString()!.Contains("Bath", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(services.EnumerateArray(), s => s.GetProperty("name").GetString() == "Aeration");
        var templates = await app.InTenantAsync(tenant.Slug, db => Task.FromResult(db.MessageTemplates.ToList()));
        Assert.Equal(10, templates.Count);
        Assert.Contains(templates, t => t.Body.Contains("groom", StringComparison.OrdinalIgnoreCase));
        var flags = await GetAsync(app.Operator(), $"/api/platform/tenants/{tenant.Slug}/flags");
        Assert.False(flags.GetProperty(FeatureFlags.OnlinePayments).GetBoolean());

        var unknown = await tenant.Owner.PutAsJsonAsync("/api/onboarding/industry-pack", new { pack = "rocket_repair" });
        Assert.NotEmpty((await unknown.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("pack"));
    }

    [Fact]
    public async Task Required_steps_cannot_be_skipped_and_go_live_waits_for_a_green_preflight()
    {
        var tenant = await app.CreateTenantAsync();

        await (await tenant.Owner.PostAsync(new Uri("/api/onboarding/steps/business_basics/skip", UriKind.Relative), null))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await tenant.Owner.PostAsync(new Uri("/api/onboarding/steps/no_such_step/skip", UriKind.Relative), null))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        var refused = await (await tenant.Owner.PostAsync(new Uri("/api/onboarding/go-live", UriKind.Relative), null))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        var items = refused.GetProperty("preflight").GetProperty("items").EnumerateArray().ToList();
        var twilio = items.Single(i => i.GetProperty("key").GetString() == "twilio");
        Assert.False(twilio.GetProperty("ok").GetBoolean());
        Assert.Equal("/admin/onboarding/twilio", twilio.GetProperty("fixPath").GetString());
        Assert.Equal("onboarding", (await GetAsync(tenant.Owner, "/api/onboarding")).GetProperty("tenantStatus").GetString());

        // With the requirement switched off (an operator's choice) the business may open anyway.
        (await app.Operator().PutAsJsonAsync($"/api/platform/tenants/{tenant.Slug}/flags/{FeatureFlags.RequirePreflightGreenForLive}",
            new { enabled = false })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await tenant.Owner.PostAsync(new Uri("/api/onboarding/go-live", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task Only_owners_and_admins_run_the_wizard()
    {
        var tenant = await app.CreateTenantAsync();
        var staff = await app.SignedInAsync(tenant.Slug, await app.AddStaffAsync(tenant.Slug, "staff"));

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(new Uri("/api/onboarding", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync("/api/integrations/twilio", new { values = Twilio() })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ForTenant(tenant.Slug).GetAsync(new Uri("/api/onboarding", UriKind.Relative))).StatusCode);
    }

    private static JsonElement Step(JsonElement state, string key) =>
        state.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);
}
