using System.Net;
using System.Net.Http.Json;
using ServicePro.Host.Onboarding;
using ServicePro.Tests.Fakes;
using ServicePro.Tests.Infrastructure;
using static ServicePro.Tests.Onboarding.OnboardingFlow;

namespace ServicePro.Tests.Onboarding;

public sealed class A2pCampaignTests(FakedProvidersApp app) : IClassFixture<FakedProvidersApp>
{
    private const string Brand = "Shiny Wheels Detailing";

    private static readonly A2pCampaignDraft Good = new()
    {
        UseCase = "MIXED",
        Description = "Shiny Wheels Detailing texts customers who booked: confirmations, reminders and on-the-way notices.",
        MessageFlow = "Customers opt in on our booking form with an unchecked SMS consent checkbox that is not required to book.",
        MessageSamples =
        [
            "Shiny Wheels Detailing: [first name], your Full Detail is set for [date] at [time]. Reply STOP to opt out",
            "Shiny Wheels Detailing reminder: your Full Detail is tomorrow around [time].",
        ],
        OptInMessage = "Shiny Wheels Detailing: You're subscribed. Msg & data rates may apply. Reply HELP for help, STOP to opt out.",
        OptOutMessage = "Shiny Wheels Detailing: You're unsubscribed and will get no more texts.",
        HelpMessage = "Shiny Wheels Detailing: call +19185550100 for help. Reply STOP to opt out.",
        PrivacyPolicyUrl = "https://shinywheels.example/privacy",
        TermsUrl = "https://shinywheels.example/terms",
    };

    [Theory]
    [InlineData("auto_detail")]
    [InlineData("lawn_care")]
    [InlineData("pet_grooming")]
    [InlineData("house_cleaning")]
    [InlineData("custom")]
    public async Task The_draft_for_every_pack_passes_the_checks_and_is_written_from_the_tenants_own_brand(string pack)
    {
        var tenant = await app.CreateTenantAsync(pack);
        (await tenant.Owner.PutAsJsonAsync("/api/onboarding/business-basics", Basics())).EnsureSuccessStatusCode();

        var draft = await GetAsync(tenant.Owner, "/api/onboarding/a2p");

        Assert.Empty(draft.GetProperty("problems").EnumerateObject());
        var campaign = draft.GetProperty("campaign");
        var samples = campaign.GetProperty("messageSamples").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.InRange(samples.Count, 2, 5);
        Assert.Contains(samples, s => s.Contains(Brand, StringComparison.Ordinal));
        Assert.Contains(samples, s => s.Contains("STOP", StringComparison.Ordinal));
        Assert.All(samples, s => Assert.DoesNotContain("{{", s, StringComparison.Ordinal));
        Assert.Contains($"https://{tenant.Slug}.servicepro.localhost/book", campaign.GetProperty("messageFlow").GetString());
        Assert.False(draft.GetProperty("twilioReady").GetBoolean());
    }

    [Fact]
    public void A_campaign_that_follows_the_rules_has_no_problems() => Assert.Empty(A2pRules.Check(Good, Brand));

    [Fact]
    public void The_checks_catch_what_carriers_reject_most()
    {
        var bad = Good with
        {
            UseCase = "SPAM",
            Description = "Texts.",
            MessageFlow = "We send texts to people who give us their number at the counter and stuff like that.",
            MessageSamples = ["Hi {{ customer.first_name }}, see bit.ly/x3 or call 918-555-0100 now."],
            OptInMessage = "Welcome to our texts, thanks a lot!",
        };

        var problems = A2pRules.Check(bad, Brand);

        Assert.Contains("useCase", problems.Keys);
        Assert.Contains("description", problems.Keys);
        Assert.Contains(problems["messageFlow"], p => p.Contains("30842", StringComparison.Ordinal));
        Assert.Contains(problems["messageSamples"], p => p.Contains("2 to 5", StringComparison.Ordinal));
        Assert.Contains(problems["messageSamples"], p => p.Contains("name your brand", StringComparison.Ordinal));
        Assert.Contains(problems["messageSamples"], p => p.Contains("opt out", StringComparison.Ordinal));
        Assert.Contains(problems["messageSamples[0]"], p => p.Contains("[brackets]", StringComparison.Ordinal));
        Assert.Contains(problems["messageSamples[0]"], p => p.Contains("bit.ly", StringComparison.Ordinal));
        Assert.Contains(problems["hasEmbeddedPhone"], p => p.Contains("30889", StringComparison.Ordinal));
        Assert.Contains(problems["optInMessage"], p => p.Contains("rates may apply", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Edits_are_saved_and_checked_and_a_campaign_with_problems_is_not_submitted()
    {
        var tenant = await app.CreateTenantAsync();
        (await tenant.Owner.PutAsJsonAsync("/api/onboarding/business-basics", Basics(Brand))).EnsureSuccessStatusCode();
        await SaveIntegrationAsync(tenant.Owner, "twilio", Twilio());

        var edited = await tenant.Owner.PutAsJsonAsync("/api/onboarding/a2p", Good with { MessageSamples = ["Too short", "Also short"] });
        var view = await edited.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Contains("messageSamples[0]", view.GetProperty("problems").EnumerateObject().Select(p => p.Name));

        var brandsBefore = app.Fakes.Twilio.Brands.Count;
        var refused = await (await tenant.Owner.PostAsync(new Uri("/api/onboarding/a2p/submit", UriKind.Relative), null))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(refused.ErrorsFor("messageSamples[0]"));
        Assert.Equal("draft", (await GetAsync(tenant.Owner, "/api/onboarding/a2p")).GetProperty("status").GetString());

        (await tenant.Owner.PostAsync(new Uri("/api/onboarding/a2p/redraft", UriKind.Relative), null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Accepted, (await tenant.Owner.PostAsync(new Uri("/api/onboarding/a2p/submit", UriKind.Relative), null)).StatusCode);
        await (await tenant.Owner.PutAsJsonAsync("/api/onboarding/a2p", Good)).AssertProblemAsync(HttpStatusCode.Conflict);
        await WaitForAsync(tenant.Owner, "/api/onboarding/a2p", _ => app.Fakes.Twilio.Brands.Count > brandsBefore);
        Assert.Equal(brandsBefore + 1, app.Fakes.Twilio.Brands.Count);
    }

    [Fact]
    public async Task Submitting_needs_Twilio_connected_first()
    {
        var tenant = await app.CreateTenantAsync();

        var problem = await (await tenant.Owner.PostAsync(new Uri("/api/onboarding/a2p/submit", UriKind.Relative), null))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("Connect Twilio first", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_rejected_campaign_shows_the_carriers_reason_and_can_be_fixed_and_filed_again()
    {
        var tenant = await app.CreateTenantAsync();
        (await tenant.Owner.PutAsJsonAsync("/api/onboarding/business-basics", Basics(Brand))).EnsureSuccessStatusCode();
        await SaveIntegrationAsync(tenant.Owner, "twilio", Twilio());
        var twilio = app.Fakes.Twilio;
        twilio.NewBrandStatus = "APPROVED";
        try
        {
            var campaignsBefore = twilio.Campaigns.Keys.ToHashSet();
            Assert.Equal(HttpStatusCode.Accepted, (await tenant.Owner.PostAsync(new Uri("/api/onboarding/a2p/submit", UriKind.Relative), null)).StatusCode);
            var first = await WaitForNewCampaignAsync(twilio, campaignsBefore);
            twilio.FailCampaign(first, 30893, "Message samples do not match the use case");

            var failed = await WaitForAsync(tenant.Owner, "/api/onboarding/a2p", s => s.GetProperty("status").GetString() == "failed");
            Assert.Equal("failed", failed.GetProperty("status").GetString());
            Assert.Contains("sample", failed.GetProperty("failureReason").GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.True(failed.GetProperty("canEdit").GetBoolean());

            campaignsBefore.Add(first);
            Assert.Equal(HttpStatusCode.Accepted, (await tenant.Owner.PostAsync(new Uri("/api/onboarding/a2p/submit", UriKind.Relative), null)).StatusCode);
            var second = await WaitForNewCampaignAsync(twilio, campaignsBefore);
            twilio.VerifyCampaign(second);
            var approved = await WaitForAsync(tenant.Owner, "/api/onboarding/a2p", s => s.GetProperty("status").GetString() == "approved");
            Assert.Equal("approved", approved.GetProperty("status").GetString());
        }
        finally
        {
            twilio.NewBrandStatus = "PENDING";
        }
    }

    private static Task<string> WaitForNewCampaignAsync(FakeTwilio twilio, HashSet<string> before) =>
        Eventually.FindAsync(() => twilio.Campaigns.Keys.FirstOrDefault(k => !before.Contains(k)), "No campaign was filed", TimeSpan.FromSeconds(90));
}
