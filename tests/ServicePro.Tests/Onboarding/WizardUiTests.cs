using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ServicePro.Tests.Fakes;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Onboarding;

/// <summary>The host in headless Chromium with every outside service pointed at its local fake.</summary>
public sealed class WizardBrowserApp : BrowserApp
{
    protected override bool StartsFakeProviders => true;
}

/// <summary>
/// The onboarding wizard's admin pages in real headless Chromium: a new business walks all nine steps against
/// the local provider fakes and goes live, with an axe-core scan of every kind of wizard page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WizardUiTests(WizardBrowserApp app) : IClassFixture<WizardBrowserApp>
{
    // Trust Hub bundle SIDs: BU and 32 hex digits.
    private const string CustomerProfileSid = "BU" + "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private const string A2pProfileSid = "BU" + "f9e8d7c6b5a4938271605f4e3d2c1b0a";

    // Well-formed (32 hex digits) but not the account's token.
    private const string WrongAuthToken = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";

    private static readonly TimeSpan Carriers = TimeSpan.FromSeconds(90);

    private static readonly string[] Secrets =
    [
        FakeTwilio.AuthToken, WrongAuthToken, FakeGoogle.DefaultClientSecret, FakeGoogle.DefaultRefreshToken,
        FakeStripe.ValidSecretKey, FakeSendGrid.DefaultApiKey,
    ];

    [Fact]
    public async Task A_new_business_walks_all_nine_steps_against_the_fakes_and_goes_live()
    {
        var tenant = await app.CreateTenantAsync("lawn_care");
        var root = $"/t/{tenant.Slug}/admin/onboarding";
        var page = await SignInAsync(tenant, root);
        var html = new List<string>();

        // Overview: one step (the pack, chosen when the tenant was created) of nine done.
        await Expect(page.Locator("#progress-count")).ToContainTextAsync("1 of 9 done");
        Assert.Equal("step", await page.Locator(".stepper a[aria-current]").GetAttributeAsync("aria-current"));
        Assert.Contains("Business basics", await page.Locator(".stepper a[aria-current]").TextContentAsync());
        await Expect(page.Locator("#step-industry_pack .badge")).ToHaveTextAsync("Done");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("onboarding-overview"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("onboarding-overview-phone"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);

        // 1. Business basics: a wrong field is shown next to it and nothing typed is lost.
        await page.Locator("#resume-link").ClickAsync();
        await page.WaitForURLAsync($"**{root}/business_basics");
        Assert.Equal("step", await page.Locator(".stepper a[href$='/business_basics']").GetAttributeAsync("aria-current"));
        await page.FillAsync("#BrandName", "Greenway Lawns");
        await page.FillAsync("#PrimaryColor", "#166534");
        await page.FillAsync("#SecondaryColor", "#ca8a04");
        await page.FillAsync("#Email", "not an email");
        await page.FillAsync("#Phone", "(918) 555-0142");
        await page.FillAsync("#Address", "12 Elm St, Tulsa, OK");
        await page.SelectOptionAsync("#Timezone", "America/Chicago");
        await page.FillAsync("#Latitude", "36.15");
        await page.FillAsync("#Longitude", "-95.99");
        await page.FillAsync("#RadiusMiles", "30");
        await page.SetCheckedAsync("#Hours-saturday-Closed", false);
        await page.FillAsync("#Hours-saturday-Open", "08:00");
        await page.FillAsync("#Hours-saturday-Close", "12:00");
        await page.Locator("#save-button").ClickAsync();
        await Expect(page.Locator("#Email-error")).ToContainTextAsync("email address");
        Assert.Equal("true", await page.GetAttributeAsync("#Email", "aria-invalid"));
        Assert.Contains("Email-error", await page.GetAttributeAsync("#Email", "aria-describedby"));
        Assert.Equal("Greenway Lawns", await page.InputValueAsync("#BrandName"));
        Assert.Equal("08:00", await page.InputValueAsync("#Hours-saturday-Open"));
        await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("onboarding-business-basics-errors"), FullPage = true });
        await page.FillAsync("#Email", "hello@greenway.example");
        await page.Locator("#save-button").ClickAsync();

        // 2. Industry pack: the current pack is chosen; saving keeps it.
        await page.WaitForURLAsync($"**{root}/industry_pack");
        await Expect(page.Locator("#notice")).ToContainTextAsync("Saved your business basics");
        Assert.True(await page.IsCheckedAsync("#pack-lawn_care"));
        await Expect(page.Locator("#switch-warning")).ToContainTextAsync("replaces your services and message templates");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("onboarding-industry-pack"), FullPage = true });
        await page.Locator("#save-button").ClickAsync();

        // 3. Twilio: a rejected token is told in the owner's words; then the right one connects.
        await page.WaitForURLAsync($"**{root}/twilio");
        await Expect(page.Locator("#test-status")).ToHaveTextAsync("Not configured");
        await Expect(page.Locator("#field-auth_token")).ToHaveAttributeAsync("type", "password");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.FillAsync("#field-account_sid", FakeTwilio.AccountSid);
        await page.FillAsync("#field-auth_token", WrongAuthToken);
        await page.FillAsync("#field-phone_number", FakeTwilio.PhoneNumber);
        await page.FillAsync("#field-customer_profile_bundle_sid", CustomerProfileSid);
        await page.FillAsync("#field-a2p_profile_bundle_sid", A2pProfileSid);
        await page.Locator("#save-button").ClickAsync();
        await Expect(page.Locator("#test-summary")).ToContainTextAsync("rejected by Twilio");
        await Expect(page.Locator("#test-status")).ToHaveTextAsync("Failed");
        Assert.Equal("status", await page.GetAttributeAsync("#test-result", "role"));
        await Expect(page.Locator("#field-auth_token-saved")).ToContainTextAsync("••••" + WrongAuthToken[^4..]);
        Assert.Equal("", await page.InputValueAsync("#field-auth_token"));
        Assert.Equal(FakeTwilio.AccountSid, await page.InputValueAsync("#field-account_sid"));
        html.Add(await page.ContentAsync());
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("onboarding-twilio-failed"), FullPage = true });
        await page.FillAsync("#field-auth_token", FakeTwilio.AuthToken);
        await page.Locator("#save-button").ClickAsync();

        // 4. A2P: the drafted campaign passes every check; submitted, the page follows the carriers' review.
        await page.WaitForURLAsync($"**{root}/a2p");
        await Expect(page.Locator("#notice")).ToContainTextAsync("Saved and tested Twilio. Connected to Twilio");
        html.Add(await page.ContentAsync());
        await Expect(page.Locator("#twilio-readiness")).ToContainTextAsync("Twilio is connected");
        await Expect(page.Locator("#a2p-problems")).ToContainTextAsync("Every check passes");
        await Expect(page.Locator("#Sample-4")).ToBeVisibleAsync();
        await Expect(page.Locator("#Description-count")).ToContainTextAsync("40–4096 characters");
        await Expect(page.Locator("#Sample-3-count")).Not.ToContainTextAsync("too short");
        await page.FillAsync("#Sample-3", "x");
        await Expect(page.Locator("#Sample-3-count")).ToContainTextAsync("Length: 1 ");
        await Expect(page.Locator("#Sample-3-count")).ToContainTextAsync("too short");
        await page.FillAsync("#Sample-3", "");
        await Expect(page.Locator("#Sample-3-count")).Not.ToContainTextAsync("too short");
        await Expect(page.Locator("#submit-button")).ToBeEnabledAsync();
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("onboarding-a2p-draft"), FullPage = true });
        app.Fakes.Twilio.NewBrandStatus = "APPROVED";
        app.Fakes.Twilio.NewCampaignStatus = "IN_PROGRESS";
        await page.Locator("#submit-button").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Submitted");
        await Expect(page.Locator(".timeline-item.is-current")).ToContainTextAsync("In review", new() { Timeout = (float)Carriers.TotalMilliseconds });
        await Expect(page.Locator("#a2p-poll")).ToBeVisibleAsync();
        await Expect(page.Locator("#a2p-steps")).ToContainTextAsync("In progress");
        var campaign = app.Fakes.Twilio.Campaigns.Values.Single(c => c.AccountSid == FakeTwilio.AccountSid && c.Status == "IN_PROGRESS");
        app.Fakes.Twilio.VerifyCampaign(campaign.Sid);
        await Expect(page.Locator("#a2p-timeline li").Last).ToHaveClassAsync("timeline-item is-done", new() { Timeout = (float)Carriers.TotalMilliseconds });
        await Expect(page.Locator("#a2p-timeline li").Last).ToContainTextAsync("Approved");
        await Expect(page.Locator("#a2p-steps")).ToContainTextAsync("Verified");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("onboarding-a2p"), FullPage = true });
        await page.Locator(".continue-link").ClickAsync();

        // 5. Google Calendar (completing it turns calendar sync on, so preflight checks it).
        await page.WaitForURLAsync($"**{root}/google");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.FillAsync("#field-client_id", FakeGoogle.DefaultClientId);
        await page.FillAsync("#field-client_secret", FakeGoogle.DefaultClientSecret);
        await page.FillAsync("#field-refresh_token", FakeGoogle.DefaultRefreshToken);
        await page.Locator("#save-button").ClickAsync();

        // 6. Stripe.
        await page.WaitForURLAsync($"**{root}/stripe");
        await Expect(page.Locator("#notice")).ToContainTextAsync("Saved and tested Google Calendar.");
        html.Add(await page.ContentAsync());
        await BrowserApp.AssertAccessibleAsync(page);
        await page.FillAsync("#field-secret_key", FakeStripe.ValidSecretKey);
        await page.FillAsync("#field-publishable_key", FakeStripe.ValidPublishableKey);
        await page.Locator("#save-button").ClickAsync();

        // 7. OpenAI: skipped, after reading what that costs.
        await page.WaitForURLAsync($"**{root}/openai");
        await Expect(page.Locator("#skip-consequence")).ToBeVisibleAsync();
        await Expect(page.Locator("#skip-consequence")).ToContainTextAsync("The AI assistant stays off");
        Assert.Equal("skip-consequence", await page.GetAttributeAsync("#skip-button", "aria-describedby"));
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip this step" }).ClickAsync();

        // 8. SendGrid.
        await page.WaitForURLAsync($"**{root}/sendgrid");
        await Expect(page.Locator("#notice")).ToContainTextAsync("Skipped");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.FillAsync("#field-api_key", FakeSendGrid.DefaultApiKey);
        await page.FillAsync("#field-from_email", FakeSendGrid.DefaultFromEmail);
        await page.Locator("#save-button").ClickAsync();

        // 9. Preflight: green (the skipped assistant isn't required), then live.
        await page.WaitForURLAsync($"**{root}/preflight");
        html.Add(await page.ContentAsync());
        await Expect(page.Locator("#check-summary")).ToContainTextAsync("ready to go live");
        Assert.Equal(0, await page.Locator(".check-item.is-bad").CountAsync());
        foreach (var key in new[] { "business_basics", "services", "twilio", "a2p", "google", "stripe", "sendgrid" })
        {
            await Expect(page.Locator($"#check-{key}")).ToContainTextAsync("Ready:");
        }

        Assert.Equal(0, await page.Locator("#check-openai").CountAsync());
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Go live" }).ClickAsync();
        await Expect(page.Locator("#live")).ToContainTextAsync("You're live");
        await Expect(page.Locator("#notice")).ToContainTextAsync("You're live!");
        await Expect(page.Locator("#live a")).ToHaveAttributeAsync("href", $"/t/{tenant.Slug}/admin");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("onboarding-preflight"), FullPage = true });

        var state = await tenant.Owner.GetFromJsonAsync<JsonElement>("/api/onboarding");
        Assert.Equal("active", state.GetProperty("tenantStatus").GetString());
        Assert.True(state.GetProperty("completed").GetBoolean());
        Assert.Equal(JsonValueKind.String, state.GetProperty("goLiveAt").ValueKind);

        await page.GotoAsync(root);
        await Expect(page.Locator("#progress-count")).ToContainTextAsync("9 of 9 done");
        await Expect(page.Locator("#step-openai")).ToContainTextAsync("Skipped: The AI assistant stays off");

        // Saved secrets show only masked, on every page, and "Test again" re-runs the check.
        foreach (var (step, field, secret) in new[]
                 {
                     ("twilio", "auth_token", FakeTwilio.AuthToken), ("google", "refresh_token", FakeGoogle.DefaultRefreshToken),
                     ("stripe", "secret_key", FakeStripe.ValidSecretKey), ("sendgrid", "api_key", FakeSendGrid.DefaultApiKey),
                 })
        {
            await page.GotoAsync($"{root}/{step}");
            await Expect(page.Locator("#test-status")).ToHaveTextAsync("Active");
            await Expect(page.Locator($"#field-{field}-saved")).ToContainTextAsync("••••" + secret[^4..]);
            Assert.Equal("", await page.InputValueAsync($"#field-{field}"));
            html.Add(await page.ContentAsync());
        }

        await page.GotoAsync($"{root}/twilio");
        await Expect(page.Locator("#test-findings")).ToContainTextAsync(FakeTwilio.AccountName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Test again" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Tested Twilio again: it works.");
        html.Add(await page.ContentAsync());

        foreach (var content in html)
        {
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, content, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Going_live_is_refused_with_the_reasons_and_a_fix_it_link_for_each()
    {
        var tenant = await app.CreateTenantAsync("house_cleaning");
        var page = await SignInAsync(tenant, $"/t/{tenant.Slug}/admin");

        await Expect(page.Locator("#setup-banner")).ToContainTextAsync("1 of 9 setup steps done");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Setup", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/t/{tenant.Slug}/admin/onboarding");

        await page.GotoAsync($"/t/{tenant.Slug}/admin/onboarding/preflight");
        await Expect(page.Locator("#check-business_basics")).ToContainTextAsync("Needs attention:");
        await Expect(page.Locator("#check-twilio")).ToContainTextAsync("Not connected yet.");
        await Expect(page.Locator("#check-services")).ToContainTextAsync("Ready:");
        await Expect(page.Locator("#check-business_basics a")).ToHaveAttributeAsync("href", $"/t/{tenant.Slug}/admin/onboarding/business_basics");
        await Expect(page.Locator("#check-twilio a")).ToHaveAttributeAsync("href", $"/t/{tenant.Slug}/admin/onboarding/twilio");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Go live" }).ClickAsync();
        await Expect(page.Locator("#problem")).ToContainTextAsync("Preflight isn't green yet");
        await Expect(page.Locator("#problem")).ToContainTextAsync("Business details");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("onboarding-preflight-refused"), FullPage = true });
        var state = await tenant.Owner.GetFromJsonAsync<JsonElement>("/api/onboarding");
        Assert.Equal("onboarding", state.GetProperty("tenantStatus").GetString());

        await page.Locator("#check-twilio a").ClickAsync();
        await page.WaitForURLAsync($"**/t/{tenant.Slug}/admin/onboarding/twilio");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Text messaging (Twilio)");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private async Task<IPage> SignInAsync(TestTenant tenant, string path)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(path);
        await page.FillAsync("#Email", tenant.OwnerEmail);
        await page.FillAsync("#Password", tenant.OwnerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**" + path);
        return page;
    }
}
