using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using ServicePro.Abstractions.Integrations;
using ServicePro.Tests.Fakes;

namespace ServicePro.Tests.Integrations;

/// <summary>The Twilio plugin, loaded as the host loads it, against a local Twilio speaking Twilio's wire format.</summary>
public sealed class TwilioProviderTests
{
    private const string Plugin = "ServicePro.Integrations.Twilio";
    private const string CustomerProfile = "BU11111111111111111111111111111111";
    private const string A2pProfile = "BU22222222222222222222222222222222";

    private static readonly A2pCampaign Campaign = new(
        UseCase: "CUSTOMER_CARE",
        Description: "Shiny Wheels Detailing texts customers who booked a mobile car detailing: confirmations, reminders and reschedules.",
        MessageFlow: "Customers enter their mobile number on the booking form at https://shinywheels.example/book and tick an optional, unchecked SMS consent box.",
        MessageSamples:
        [
            "Shiny Wheels Detailing: your [service] is booked for [date] at [time]. Reply STOP to opt out, HELP for help.",
            "Reminder from Shiny Wheels Detailing: we arrive tomorrow at [time]. Reply STOP to opt out.",
        ],
        HasEmbeddedLinks: false,
        HasEmbeddedPhone: true,
        OptInMessage: "Shiny Wheels Detailing: you're subscribed to appointment texts. Msg & data rates may apply. Reply HELP for help, STOP to opt out.",
        OptOutMessage: "Shiny Wheels Detailing: you're unsubscribed and will get no more texts. Reply START to resubscribe.",
        HelpMessage: "Shiny Wheels Detailing: call +19185550100 or email owner@shinywheels.example for help. Reply STOP to opt out.",
        OptInKeywords: ["START", "YES"],
        OptOutKeywords: ["STOP", "UNSUBSCRIBE"],
        HelpKeywords: ["HELP", "INFO"],
        PrivacyPolicyUrl: "https://shinywheels.example/privacy",
        TermsUrl: "https://shinywheels.example/terms");

    private static IIntegrationProvider Provider => ProviderHarness.Load(Plugin);

    private static ISmsProvider Sms => (ISmsProvider)Provider;

    private static IA2pRegistrar A2p => (IA2pRegistrar)Provider;

    // ---- fields and validation --------------------------------------------------------------------------

    [Fact]
    public void It_describes_itself_and_asks_for_the_account_token_and_number_with_only_the_token_secret()
    {
        Assert.Equal("twilio", Provider.Key);
        Assert.Equal(
            ["account_sid", "auth_token", "phone_number", "messaging_service_sid", "customer_profile_bundle_sid", "a2p_profile_bundle_sid"],
            Provider.Fields.Select(f => f.Key));
        Assert.Equal(["auth_token"], Provider.Fields.Where(f => f.Secret).Select(f => f.Key));
        Assert.Equal(["account_sid", "auth_token", "phone_number"], Provider.Fields.Where(f => f.Required).Select(f => f.Key));
        Assert.All(Provider.Fields.Where(f => f.Key.EndsWith("bundle_sid", StringComparison.Ordinal)), f => Assert.Contains("Trust Hub", f.Help, StringComparison.Ordinal));
        Assert.Equal(new Uri("https://api.twilio.com/"), Provider.Endpoints["api"]);
        Assert.Equal(new Uri("https://lookups.twilio.com/"), Provider.Endpoints["lookups"]);
        Assert.Equal(new Uri("https://messaging.twilio.com/"), Provider.Endpoints["messaging"]);
    }

    [Fact]
    public void Well_formed_values_pass_validation()
    {
        var values = Values(
            ("messaging_service_sid", "MG0123456789abcdef0123456789abcdef"),
            ("customer_profile_bundle_sid", CustomerProfile),
            ("a2p_profile_bundle_sid", A2pProfile));

        Assert.Empty(Provider.Validate(values));
    }

    [Theory]
    [InlineData("account_sid", "AC123")]
    [InlineData("account_sid", "SK0123456789abcdef0123456789abcdef")]
    [InlineData("auth_token", "not-a-token-zzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("auth_token", "0123456789abcdef")]
    [InlineData("phone_number", "9185550100")]
    [InlineData("phone_number", "+449185550100")]
    [InlineData("phone_number", "+11185550100")]
    [InlineData("messaging_service_sid", "MG123")]
    [InlineData("customer_profile_bundle_sid", "CP0123456789abcdef0123456789abcdef")]
    [InlineData("a2p_profile_bundle_sid", "BU-not-hex")]
    public void A_badly_formed_value_is_reported_on_its_field(string field, string value)
    {
        var problems = Provider.Validate(Values((field, value)));

        var problem = Assert.Single(problems);
        Assert.Equal(field, problem.Field);
        if (field == "auth_token")
        {
            Assert.DoesNotContain(value, problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Missing_required_values_are_each_reported_and_optional_ones_are_not()
    {
        var problems = Provider.Validate(new Dictionary<string, string>());

        Assert.Equal(["account_sid", "auth_token", "phone_number"], problems.Select(p => p.Field));
    }

    // ---- connection test --------------------------------------------------------------------------------

    [Fact]
    public async Task A_good_account_and_number_connect_and_report_what_was_found()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();

        var result = await Provider.TestConnectionAsync(ProviderHarness.Context(Provider, fake, Values()), CancellationToken.None);

        Assert.True(result.Succeeded, result.Summary);
        Assert.Equal("Connected to Twilio: account active, +19185550100 can send SMS.", result.Summary);
        Assert.Equal("active", result.Findings["account_status"]);
        Assert.Equal("Full", result.Findings["account_type"]);
        Assert.Equal(FakeTwilio.AccountName, result.Findings["account_name"]);
        Assert.Equal(FakeTwilio.PhoneNumberSid, result.Findings["phone_number_sid"]);
        Assert.Equal("true", result.Findings["sms_capable"]);
        AssertNoSecret(result);

        var expectedAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeTwilio.AccountSid}:{FakeTwilio.AuthToken}"));
        Assert.All(fake.Requests, r => Assert.Equal(expectedAuth, r.Authorization));
        Assert.Single(fake.RequestsTo($"/2010-04-01/Accounts/{FakeTwilio.AccountSid}.json"));
        var numberQuery = Assert.Single(fake.RequestsTo("/IncomingPhoneNumbers.json"));
        Assert.Equal("?PhoneNumber=%2B19185550100", numberQuery.Query);
    }

    [Fact]
    public async Task A_trial_account_connects_with_a_note_about_verified_numbers()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        fake.DefaultAccount.Type = "Trial";

        var result = await Provider.TestConnectionAsync(ProviderHarness.Context(Provider, fake, Values()), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Contains("trial account", result.Summary, StringComparison.Ordinal);
        Assert.Equal("Trial", result.Findings["account_type"]);
    }

    [Fact]
    public async Task A_rejected_auth_token_fails_with_a_sentence_naming_it()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        var wrongToken = "ffffffffffffffffffffffffffffffff";

        var result = await Provider.TestConnectionAsync(
            ProviderHarness.Context(Provider, fake, Values(("auth_token", wrongToken))), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("That auth token was rejected by Twilio. Check the Account SID and Auth Token in your Twilio console.", result.Summary);
        Assert.DoesNotContain(wrongToken, result.Summary, StringComparison.Ordinal);
        Assert.Empty(result.Findings);
    }

    [Theory]
    [InlineData("suspended")]
    [InlineData("closed")]
    public async Task An_account_that_is_not_active_fails_saying_so(string status)
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        fake.DefaultAccount.Status = status;

        var result = await Provider.TestConnectionAsync(ProviderHarness.Context(Provider, fake, Values()), CancellationToken.None);

        Assert.False(result.Succeeded);
        // Twilio stops authenticating a closed account's credentials altogether.
        Assert.Contains(status == "closed" ? "rejected" : "suspended", result.Summary, StringComparison.Ordinal);
        AssertNoSecret(result);
    }

    [Fact]
    public async Task A_number_that_is_not_on_the_account_fails_saying_so()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();

        var result = await Provider.TestConnectionAsync(
            ProviderHarness.Context(Provider, fake, Values(("phone_number", "+19185550199"))), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("+19185550199 was not found on this Twilio account", result.Summary, StringComparison.Ordinal);
        Assert.Single(fake.RequestsTo("/v2/PhoneNumbers/"));
    }

    [Fact]
    public async Task A_number_that_does_not_exist_fails_as_not_valid()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        fake.InvalidNumbers.Add("+19185550199");

        var result = await Provider.TestConnectionAsync(
            ProviderHarness.Context(Provider, fake, Values(("phone_number", "+19185550199"))), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("+19185550199 is not a valid phone number", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_that_cannot_text_fails_as_not_sms_capable()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        var voiceOnly = fake.DefaultAccount.AddNumber("+19185550142", sms: false);

        var result = await Provider.TestConnectionAsync(
            ProviderHarness.Context(Provider, fake, Values(("phone_number", voiceOnly.PhoneNumber))), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("+19185550142 is on your Twilio account but is not SMS-capable", result.Summary, StringComparison.Ordinal);
        Assert.Equal("false", result.Findings["sms_capable"]);
        Assert.Equal(voiceOnly.Sid, result.Findings["phone_number_sid"]);
    }

    [Fact]
    public async Task A_configured_messaging_service_must_exist()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        var service = fake.AddMessagingService("Shiny Wheels");

        var found = await Provider.TestConnectionAsync(
            ProviderHarness.Context(Provider, fake, Values(("messaging_service_sid", service.Sid))), CancellationToken.None);
        var missing = await Provider.TestConnectionAsync(
            ProviderHarness.Context(Provider, fake, Values(("messaging_service_sid", "MG99999999999999999999999999999999"))), CancellationToken.None);

        Assert.True(found.Succeeded);
        Assert.Equal("Shiny Wheels", found.Findings["messaging_service_name"]);
        Assert.False(missing.Succeeded);
        Assert.Contains("Messaging Service SID was not found", missing.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_busy_or_down_Twilio_fails_asking_to_try_again(int status)
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        fake.FailNext(status);

        var result = await Provider.TestConnectionAsync(ProviderHarness.Context(Provider, fake, Values()), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("try again in a few minutes", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hanging_Twilio_makes_the_call_give_up_within_the_client_timeout()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        fake.HangNext();
        var context = ProviderHarness.Context(Provider, fake, Values(), timeout: TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Provider.TestConnectionAsync(context, CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"gave up after {clock.Elapsed}");
    }

    // ---- sending SMS ------------------------------------------------------------------------------------

    [Fact]
    public async Task A_text_is_sent_from_the_tenants_number_with_the_status_callback()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        var callback = new Uri("https://app.servicepro.example/webhooks/twilio/status?tenant=shiny");

        var result = await Sms.SendSmsAsync(
            ProviderHarness.Context(Provider, fake, Values()), new SmsMessage("+14155550123", "Your detailing is confirmed for 9am.", callback), CancellationToken.None);

        Assert.True(result.Accepted);
        Assert.Equal("queued", result.Status);
        var sent = Assert.Single(fake.SentMessages);
        Assert.Equal(sent.Sid, result.ProviderMessageId);
        Assert.StartsWith("SM", result.ProviderMessageId, StringComparison.Ordinal);

        var form = Form(Assert.Single(fake.RequestsTo($"/2010-04-01/Accounts/{FakeTwilio.AccountSid}/Messages.json")));
        Assert.Equal("+14155550123", form["To"]);
        Assert.Equal(FakeTwilio.PhoneNumber, form["From"]);
        Assert.Equal("Your detailing is confirmed for 9am.", form["Body"]);
        Assert.Equal(callback.AbsoluteUri, form["StatusCallback"]);
        Assert.False(form.ContainsKey("MessagingServiceSid"));
    }

    [Fact]
    public async Task A_configured_messaging_service_sends_instead_of_a_from_number()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        var service = fake.AddMessagingService("Shiny Wheels");

        var result = await Sms.SendSmsAsync(
            ProviderHarness.Context(Provider, fake, Values(("messaging_service_sid", service.Sid))),
            new SmsMessage("+14155550123", "See you tomorrow."), CancellationToken.None);

        Assert.True(result.Accepted);
        Assert.Equal("accepted", result.Status);
        var form = Form(Assert.Single(fake.RequestsTo("/Messages.json")));
        Assert.Equal(service.Sid, form["MessagingServiceSid"]);
        Assert.False(form.ContainsKey("From"));
        Assert.False(form.ContainsKey("StatusCallback"));
    }

    [Fact]
    public async Task A_recipient_who_opted_out_is_reported_and_never_retried()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        fake.OptedOut.Add("+14155550123");

        var result = await Sms.SendSmsAsync(
            ProviderHarness.Context(Provider, fake, Values()), new SmsMessage("+14155550123", "Hello"), CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.True(result.RecipientOptedOut);
        Assert.False(result.Retriable);
        Assert.Equal("21610", result.ErrorCode);
        Assert.Empty(fake.SentMessages);
    }

    [Theory]
    [InlineData("4155550123", "21211")]
    [InlineData("+14155550188", "21614")]
    public async Task A_recipient_that_cannot_get_texts_is_refused_without_retry(string to, string code)
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        fake.NotSmsCapable.Add("+14155550188");

        var result = await Sms.SendSmsAsync(ProviderHarness.Context(Provider, fake, Values()), new SmsMessage(to, "Hello"), CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.Equal(code, result.ErrorCode);
        Assert.False(result.Retriable);
        Assert.False(result.RecipientOptedOut);
        Assert.Equal("failed", result.Status);
        Assert.False(string.IsNullOrEmpty(result.ErrorMessage));
    }

    [Theory]
    [InlineData(429, "20429")]
    [InlineData(500, "20500")]
    [InlineData(503, "20503")]
    public async Task Rate_limiting_and_outages_are_retriable(int status, string code)
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        fake.FailNext(status);

        var result = await Sms.SendSmsAsync(ProviderHarness.Context(Provider, fake, Values()), new SmsMessage("+14155550123", "Hello"), CancellationToken.None);

        Assert.False(result.Accepted);
        Assert.True(result.Retriable);
        Assert.Equal(code, result.ErrorCode);
    }

    [Fact]
    public async Task A_rejected_token_while_sending_is_not_retried_and_names_the_token()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        var wrongToken = "ffffffffffffffffffffffffffffffff";

        var result = await Sms.SendSmsAsync(
            ProviderHarness.Context(Provider, fake, Values(("auth_token", wrongToken))), new SmsMessage("+14155550123", "Hello"), CancellationToken.None);

        Assert.False(result.Retriable);
        Assert.Equal("20003", result.ErrorCode);
        Assert.Contains("auth token was rejected", result.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongToken, result.ErrorMessage, StringComparison.Ordinal);
    }

    // ---- A2P 10DLC registration -------------------------------------------------------------------------

    [Fact]
    public async Task Without_trust_hub_profiles_registration_fails_asking_for_them_and_calls_nobody()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();

        var state = await A2p.SubmitAsync(ProviderHarness.Context(Provider, fake, Values()), Campaign, A2pRegistrationState.New, CancellationToken.None);

        Assert.Equal(A2pRegistrationState.Failed, state.Status);
        Assert.Contains("Trust Hub", state.FailureReason, StringComparison.Ordinal);
        Assert.Contains("BU", state.FailureReason, StringComparison.Ordinal);
        Assert.Empty(state.Ids);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Registration_goes_brand_then_service_then_campaign_once_the_brand_is_approved()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        var context = ProviderHarness.Context(Provider, fake, A2pValues());

        // First submit: brand and messaging service with the number; the campaign waits for the brand.
        var state = await A2p.SubmitAsync(context, Campaign, A2pRegistrationState.New, CancellationToken.None);

        Assert.Equal(A2pRegistrationState.Pending, state.Status);
        var brand = Assert.Single(fake.Brands.Values);
        Assert.Equal(brand.Sid, state.Ids["brand"]);
        Assert.Equal("PENDING", state.StepStatuses["brand"]);
        Assert.Equal(CustomerProfile, brand.CustomerProfileBundleSid);
        Assert.Equal(A2pProfile, brand.A2pProfileBundleSid);
        var brandForm = Form(Assert.Single(fake.RequestsTo("/v1/a2p/BrandRegistrations")));
        Assert.Equal(CustomerProfile, brandForm["CustomerProfileBundleSid"]);
        Assert.Equal(A2pProfile, brandForm["A2PProfileBundleSid"]);

        var service = Assert.Single(fake.Services.Values);
        Assert.Equal(service.Sid, state.Ids["messaging_service"]);
        Assert.Equal(ProviderHarness.Tenant.BrandName, service.FriendlyName);
        Assert.Equal([FakeTwilio.PhoneNumberSid], service.PhoneNumberSids.Keys);
        Assert.Equal(FakeTwilio.PhoneNumberSid, state.Ids["phone_number"]);
        Assert.Empty(fake.Campaigns);
        Assert.Empty(fake.RequestsTo("/Compliance/Usa2p"));

        // The brand is approved; the next submit sends the campaign.
        fake.ApproveBrand(brand.Sid);
        state = await A2p.SubmitAsync(context, Campaign, state, CancellationToken.None);

        Assert.Equal(A2pRegistrationState.InReview, state.Status);
        Assert.Equal("APPROVED", state.StepStatuses["brand"]);
        var campaign = Assert.Single(fake.Campaigns.Values);
        Assert.Equal(campaign.Sid, state.Ids["campaign"]);
        Assert.Equal("PENDING", state.StepStatuses["campaign"]);
        Assert.Equal(service.Sid, campaign.ServiceSid);
        Assert.Equal(brand.Sid, campaign.BrandRegistrationSid);

        var request = Assert.Single(fake.RequestsTo($"/v1/Services/{service.Sid}/Compliance/Usa2p"));
        Assert.Equal("POST", request.Method);
        var form = Form(request);
        Assert.Equal(brand.Sid, form["BrandRegistrationSid"]);
        Assert.Equal(Campaign.Description, form["Description"]);
        Assert.StartsWith(Campaign.MessageFlow, form["MessageFlow"].ToString(), StringComparison.Ordinal);
        Assert.Contains("https://shinywheels.example/privacy", form["MessageFlow"].ToString(), StringComparison.Ordinal);
        Assert.Contains("https://shinywheels.example/terms", form["MessageFlow"].ToString(), StringComparison.Ordinal);
        Assert.Equal("CUSTOMER_CARE", form["UsAppToPersonUsecase"]);
        Assert.Equal("false", form["HasEmbeddedLinks"]);
        Assert.Equal("true", form["HasEmbeddedPhone"]);
        Assert.Equal(Campaign.OptInMessage, form["OptInMessage"]);
        Assert.Equal(Campaign.OptOutMessage, form["OptOutMessage"]);
        Assert.Equal(Campaign.HelpMessage, form["HelpMessage"]);
        // List parameters go on the wire as the same name repeated, in order.
        Assert.Equal(Campaign.MessageSamples, All(form, "MessageSamples"));
        Assert.Equal(2, CountOf(request.Body, "MessageSamples="));
        Assert.Equal(["START", "YES"], All(form, "OptInKeywords"));
        Assert.Equal(["STOP", "UNSUBSCRIBE"], All(form, "OptOutKeywords"));
        Assert.Equal(["HELP", "INFO"], All(form, "HelpKeywords"));
        Assert.Equal(Campaign.MessageSamples, campaign.MessageSamples);

        // Carriers verify the campaign; a refresh sees it.
        fake.VerifyCampaign(campaign.Sid);
        state = await A2p.RefreshAsync(context, state, CancellationToken.None);

        Assert.Equal(A2pRegistrationState.Approved, state.Status);
        Assert.Equal("VERIFIED", state.StepStatuses["campaign"]);
        Assert.Null(state.FailureReason);
        Assert.Single(fake.RequestsTo($"/v1/Services/{service.Sid}/Compliance/Usa2p/{campaign.Sid}"));
    }

    [Fact]
    public async Task Submitting_again_creates_nothing_twice()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        fake.NewBrandStatus = "APPROVED";
        var context = ProviderHarness.Context(Provider, fake, A2pValues());

        var first = await A2p.SubmitAsync(context, Campaign, A2pRegistrationState.New, CancellationToken.None);
        var second = await A2p.SubmitAsync(context, Campaign, first, CancellationToken.None);
        var third = await A2p.SubmitAsync(context, Campaign, second, CancellationToken.None);

        Assert.Single(fake.Brands);
        Assert.Single(fake.Services);
        Assert.Single(fake.Campaigns);
        Assert.Single(fake.RequestsTo("/PhoneNumbers"), r => r.Method == "POST");
        Assert.Equal(first.Ids, third.Ids);
        Assert.Equal(A2pRegistrationState.InReview, third.Status);
    }

    [Fact]
    public async Task A_configured_messaging_service_is_used_and_a_number_already_in_it_is_fine()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        var service = fake.AddMessagingService("Shiny Wheels texts");
        service.PhoneNumberSids.TryAdd(FakeTwilio.PhoneNumberSid, 0);
        var context = ProviderHarness.Context(Provider, fake, A2pValues(("messaging_service_sid", service.Sid)));

        var state = await A2p.SubmitAsync(context, Campaign, A2pRegistrationState.New, CancellationToken.None);

        Assert.Equal(A2pRegistrationState.Pending, state.Status);
        Assert.Equal(service.Sid, state.Ids["messaging_service"]);
        Assert.Equal(FakeTwilio.PhoneNumberSid, state.Ids["phone_number"]);
        Assert.Single(fake.Services);
        Assert.DoesNotContain(fake.Requests, r => r.Method == "POST" && r.Path == "/v1/Services");
    }

    [Fact]
    public async Task A_rejected_brand_fails_the_registration_with_Twilios_reason()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        var context = ProviderHarness.Context(Provider, fake, A2pValues());
        var state = await A2p.SubmitAsync(context, Campaign, A2pRegistrationState.New, CancellationToken.None);

        fake.FailBrand(state.Ids["brand"], "The EIN and business name do not match IRS records.");
        state = await A2p.RefreshAsync(context, state, CancellationToken.None);

        Assert.Equal(A2pRegistrationState.Failed, state.Status);
        Assert.Equal("FAILED", state.StepStatuses["brand"]);
        Assert.Contains("The EIN and business name do not match IRS records.", state.FailureReason, StringComparison.Ordinal);
        Assert.Contains("Trust Hub", state.FailureReason, StringComparison.Ordinal);

        // Submitting again neither re-registers the brand nor goes on to the campaign.
        state = await A2p.SubmitAsync(context, Campaign, state, CancellationToken.None);
        Assert.Equal(A2pRegistrationState.Failed, state.Status);
        Assert.Single(fake.Brands);
        Assert.Empty(fake.Campaigns);
    }

    [Fact]
    public async Task A_campaign_carriers_reject_fails_with_their_reasons_and_what_to_change()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        fake.NewBrandStatus = "APPROVED";
        var context = ProviderHarness.Context(Provider, fake, A2pValues());
        var state = await A2p.SubmitAsync(context, Campaign, A2pRegistrationState.New, CancellationToken.None);

        fake.FailCampaign(state.Ids["campaign"], 30893, "Message samples do not match the campaign use case.");
        state = await A2p.RefreshAsync(context, state, CancellationToken.None);

        Assert.Equal(A2pRegistrationState.Failed, state.Status);
        Assert.Equal("FAILED", state.StepStatuses["campaign"]);
        Assert.Contains("Message samples do not match the campaign use case.", state.FailureReason, StringComparison.Ordinal);
        Assert.Contains("[brackets]", state.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_Twilio_refuses_stays_failed_on_refresh_until_submitted_again()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        fake.NewBrandStatus = "APPROVED";
        var service = fake.AddMessagingService("Shiny Wheels texts");
        var context = ProviderHarness.Context(Provider, fake, A2pValues(("messaging_service_sid", service.Sid)));
        fake.FailNextRequestTo("POST", $"/v1/Services/{service.Sid}/Compliance/Usa2p", 400);

        var refused = await A2p.SubmitAsync(context, Campaign, A2pRegistrationState.New, CancellationToken.None);
        var refreshed = await A2p.RefreshAsync(context, refused, CancellationToken.None);
        var resubmitted = await A2p.SubmitAsync(context, Campaign, refreshed, CancellationToken.None);

        Assert.Equal(A2pRegistrationState.Failed, refused.Status);
        Assert.StartsWith("Twilio did not accept your texting campaign", refused.FailureReason, StringComparison.Ordinal);
        Assert.False(refused.Ids.ContainsKey("campaign"));
        Assert.Equal(A2pRegistrationState.Failed, refreshed.Status);
        Assert.Equal(refused.FailureReason, refreshed.FailureReason);
        Assert.Equal(A2pRegistrationState.InReview, resubmitted.Status);
        Assert.Null(resubmitted.FailureReason);
        Assert.Single(fake.Campaigns);
        Assert.Single(fake.Brands);
    }

    [Fact]
    public async Task What_was_created_before_Twilio_went_down_is_kept_so_nothing_is_created_twice()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        var context = ProviderHarness.Context(Provider, fake, A2pValues());
        fake.FailNextRequestTo("POST", "/v1/Services", 503);

        var first = await A2p.SubmitAsync(context, Campaign, A2pRegistrationState.New, CancellationToken.None);

        Assert.Equal(A2pRegistrationState.Pending, first.Status);
        Assert.True(first.Ids.ContainsKey("brand"));
        Assert.False(first.Ids.ContainsKey("messaging_service"));

        var second = await A2p.SubmitAsync(context, Campaign, first, CancellationToken.None);

        Assert.Single(fake.Brands);
        Assert.Single(fake.Services);
        Assert.Equal(first.Ids["brand"], second.Ids["brand"]);
        Assert.Equal(FakeTwilio.PhoneNumberSid, second.Ids["phone_number"]);
    }

    [Fact]
    public async Task An_outage_before_anything_was_created_is_thrown_for_the_job_to_retry()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();
        fake.FailNext(503);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            A2p.SubmitAsync(ProviderHarness.Context(Provider, fake, A2pValues()), Campaign, A2pRegistrationState.New, CancellationToken.None));

        Assert.Empty(fake.Brands);
    }

    [Fact]
    public async Task Refreshing_a_registration_never_submitted_calls_nobody()
    {
        await using var fake = await FakeService.StartAsync<FakeTwilio>();

        var state = await A2p.RefreshAsync(ProviderHarness.Context(Provider, fake, A2pValues()), A2pRegistrationState.New, CancellationToken.None);

        Assert.Equal(A2pRegistrationState.Draft, state.Status);
        Assert.Empty(fake.Requests);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static Dictionary<string, string> Values(params (string Field, string Value)[] overrides)
    {
        var values = new Dictionary<string, string>
        {
            ["account_sid"] = FakeTwilio.AccountSid,
            ["auth_token"] = FakeTwilio.AuthToken,
            ["phone_number"] = FakeTwilio.PhoneNumber,
        };
        foreach (var (field, value) in overrides)
        {
            values[field] = value;
        }

        return values;
    }

    private static Dictionary<string, string> A2pValues(params (string Field, string Value)[] overrides) =>
        Values([("customer_profile_bundle_sid", CustomerProfile), ("a2p_profile_bundle_sid", A2pProfile), .. overrides]);

    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Form(RecordedRequest request)
    {
        Assert.Equal("application/x-www-form-urlencoded", request.Headers["Content-Type"].Split(';')[0]);
        return QueryHelpers.ParseQuery(request.Body);
    }

    private static IReadOnlyList<string> All(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form, string name) =>
        [.. form[name].OfType<string>()];

    private static int CountOf(string text, string part) =>
        text.Split('&').Count(p => p.StartsWith(part, StringComparison.Ordinal));

    private static void AssertNoSecret(ConnectionTestResult result)
    {
        Assert.DoesNotContain(FakeTwilio.AuthToken, result.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.All(result.Findings, f =>
        {
            Assert.DoesNotContain(FakeTwilio.AuthToken, f.Key, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(FakeTwilio.AuthToken, f.Value, StringComparison.OrdinalIgnoreCase);
        });
    }
}
