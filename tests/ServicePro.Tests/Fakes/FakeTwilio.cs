using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ServicePro.Tests.Fakes;

/// <summary>
/// A local Twilio: the 2010-04-01 REST API (accounts, incoming numbers, messages), Lookups v2 and Messaging v1
/// (A2P brand registrations, Messaging Services, Usa2p campaigns) on one loopback port, with Twilio's paths,
/// HTTP Basic auth (AccountSid:AuthToken), form-encoded requests, JSON answers with Twilio's field names and
/// Twilio's error body {code, message, more_info, status}. Out of the box it holds one active full account
/// (<see cref="AccountSid"/> / <see cref="AuthToken"/>) owning the SMS-capable number <see cref="PhoneNumber"/>.
/// </summary>
public sealed partial class FakeTwilio : FakeService
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "5f4dcc3b5aa765d61d8327deb882cf99";
    public const string AccountName = "Shiny Wheels Detailing";
    public const string PhoneNumber = "+19185550100";
    public const string PhoneNumberSid = "PN0123456789abcdef0123456789abcdef";

    private static readonly JsonSerializerOptions Wire = new();

    private readonly ConcurrentQueue<(string Method, string Path, int Status)> _routeFaults = new();

    public FakeTwilio()
    {
        var account = new FakeTwilioAccount(AccountSid, AuthToken) { FriendlyName = AccountName };
        account.Numbers[PhoneNumber] = new FakeIncomingNumber(PhoneNumberSid, PhoneNumber);
        Accounts[AccountSid] = account;
    }

    /// <summary>Accounts by SID; a request authenticates with one of these SIDs and its token.</summary>
    public ConcurrentDictionary<string, FakeTwilioAccount> Accounts { get; } = new();

    public FakeTwilioAccount DefaultAccount => Accounts[AccountSid];

    /// <summary>Every message Twilio accepted, in order.</summary>
    public ConcurrentQueue<FakeTwilioMessage> SentMessages { get; } = new();

    /// <summary>Recipients who texted STOP: sending to them fails with 21610.</summary>
    public FakeTwilioNumbers OptedOut { get; } = new();

    /// <summary>Recipients that can't receive SMS (landlines): sending to them fails with 21614.</summary>
    public FakeTwilioNumbers NotSmsCapable { get; } = new();

    /// <summary>Well-formed numbers that Lookups reports as not valid (no such number exists).</summary>
    public FakeTwilioNumbers InvalidNumbers { get; } = new();

    public ConcurrentDictionary<string, FakeBrandRegistration> Brands { get; } = new();

    public ConcurrentDictionary<string, FakeMessagingService> Services { get; } = new();

    public ConcurrentDictionary<string, FakeUsa2pCampaign> Campaigns { get; } = new();

    /// <summary>The status a new brand registration starts in (Twilio: PENDING; set APPROVED to skip vetting).</summary>
    public string NewBrandStatus { get; set; } = "PENDING";

    /// <summary>The status a new campaign starts in (Twilio: PENDING, then IN_PROGRESS while carriers review).</summary>
    public string NewCampaignStatus { get; set; } = "PENDING";

    public void ApproveBrand(string brandSid) => Brands[brandSid].Status = "APPROVED";

    public void FailBrand(string brandSid, string failureReason)
    {
        Brands[brandSid].Status = "FAILED";
        Brands[brandSid].FailureReason = failureReason;
    }

    public void VerifyCampaign(string campaignSid) => Campaigns[campaignSid].Status = "VERIFIED";

    /// <summary>Carriers reject the campaign with one of Twilio's 30xxx reasons (e.g. 30893 samples don't match).</summary>
    public void FailCampaign(string campaignSid, int errorCode, string description)
    {
        Campaigns[campaignSid].Status = "FAILED";
        Campaigns[campaignSid].Errors.Enqueue(new FakeCampaignError(errorCode, description));
    }

    /// <summary>A Messaging Service that already exists on an account (as if made in the Twilio console).</summary>
    public FakeMessagingService AddMessagingService(string friendlyName, string accountSid = AccountSid)
    {
        var service = new FakeMessagingService(NewSid("MG"), accountSid, friendlyName);
        Services[service.Sid] = service;
        return service;
    }

    /// <summary>
    /// The next <paramref name="method"/> request to exactly <paramref name="path"/> gets <paramref name="status"/>
    /// with Twilio's error body, whatever comes before it (e.g. an outage between two steps of a flow).
    /// </summary>
    public void FailNextRequestTo(string method, string path, int status) => _routeFaults.Enqueue((method, path, status));

    public static string NewSid(string prefix) => prefix + Guid.NewGuid().ToString("N");

    protected override IResult ErrorResult(int status) => status switch
    {
        401 => Unauthenticated(),
        403 => TwilioError(403, 20403, "Forbidden"),
        404 => TwilioError(404, 20404, "The requested resource was not found"),
        429 => TwilioError(429, 20429, "Too Many Requests"),
        503 => TwilioError(503, 20503, "Service Unavailable"),
        >= 500 => TwilioError(status, 20500, "An internal server error has occurred"),
        _ => TwilioError(status, 20001, "Bad request"),
    };

    protected override void Map(WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (_routeFaults.TryPeek(out var fault)
                && fault.Method == http.Request.Method
                && fault.Path == http.Request.Path.Value
                && _routeFaults.TryDequeue(out _))
            {
                await ErrorResult(fault.Status).ExecuteAsync(http);
                return;
            }

            await next(http);
        });

        // 2010-04-01 REST API (api.twilio.com)
        Get(app, "/2010-04-01/Accounts/{accountSid}.json", (_, account) => Results.Json(AccountJson(account), Wire));
        Get(app, "/2010-04-01/Accounts/{accountSid}/IncomingPhoneNumbers.json", IncomingPhoneNumbers);
        Post(app, "/2010-04-01/Accounts/{accountSid}/Messages.json", CreateMessage);

        // Lookups v2 (lookups.twilio.com)
        Get(app, "/v2/PhoneNumbers/{phoneNumber}", LookUp);

        // Messaging v1 (messaging.twilio.com)
        Post(app, "/v1/a2p/BrandRegistrations", CreateBrand);
        Get(app, "/v1/a2p/BrandRegistrations/{brandSid}", (http, account) =>
            Owned(Brands, Route(http, "brandSid"), account) is { } brand ? Results.Json(BrandJson(brand), Wire) : NotFound(http));
        Post(app, "/v1/Services", CreateService);
        Get(app, "/v1/Services/{serviceSid}", (http, account) =>
            Owned(Services, Route(http, "serviceSid"), account) is { } service ? Results.Json(ServiceJson(service), Wire) : NotFound(http));
        Post(app, "/v1/Services/{serviceSid}/PhoneNumbers", AddPhoneNumberToService);
        Post(app, "/v1/Services/{serviceSid}/Compliance/Usa2p", CreateCampaign);
        Get(app, "/v1/Services/{serviceSid}/Compliance/Usa2p/{campaignSid}", (http, account) =>
            Owned(Campaigns, Route(http, "campaignSid"), account) is { } campaign && campaign.ServiceSid == Route(http, "serviceSid")
                ? Results.Json(CampaignJson(campaign), Wire)
                : NotFound(http));
    }

    private IResult IncomingPhoneNumbers(HttpContext http, FakeTwilioAccount account)
    {
        var filter = http.Request.Query["PhoneNumber"].ToString();
        var numbers = account.Numbers.Values
            .Where(n => filter.Length == 0 || n.PhoneNumber.Contains(filter, StringComparison.Ordinal))
            .OrderBy(n => n.PhoneNumber, StringComparer.Ordinal)
            .Select(n => IncomingNumberJson(account, n))
            .ToList();
        var uri = $"/2010-04-01/Accounts/{account.Sid}/IncomingPhoneNumbers.json{http.Request.QueryString}";
        return Results.Json(new Dictionary<string, object?>
        {
            ["end"] = Math.Max(numbers.Count - 1, 0),
            ["first_page_uri"] = uri,
            ["incoming_phone_numbers"] = numbers,
            ["next_page_uri"] = null,
            ["page"] = 0,
            ["page_size"] = 50,
            ["previous_page_uri"] = null,
            ["start"] = 0,
            ["uri"] = uri,
        }, Wire);
    }

    private IResult CreateMessage(HttpContext http, FakeTwilioAccount account, IFormCollection form)
    {
        var to = form["To"].ToString();
        var from = form["From"].ToString();
        var serviceSid = form["MessagingServiceSid"].ToString();
        var body = form["Body"].ToString();
        if (to.Length == 0)
        {
            return TwilioError(400, 21604, "A 'To' phone number is required.");
        }

        if (body.Length == 0 && form["MediaUrl"].Count == 0)
        {
            return TwilioError(400, 21602, "Message body is required.");
        }

        if (from.Length == 0 && serviceSid.Length == 0)
        {
            return TwilioError(400, 21603, "A 'From' phone number is required.");
        }

        if (serviceSid.Length > 0 && Owned(Services, serviceSid, account) is null)
        {
            return TwilioError(400, 21701, $"The Messaging Service Sid {serviceSid} is invalid.");
        }

        if (from.Length > 0 && !(account.Numbers.TryGetValue(from, out var sender) && sender.Sms))
        {
            return TwilioError(400, 21606, $"The From phone number {from} is not a valid, SMS-capable inbound phone number or short code for your account.");
        }

        if (!E164().IsMatch(to))
        {
            return TwilioError(400, 21211, $"Invalid 'To' Phone Number: {to}");
        }

        if (body.Length > 1600)
        {
            return TwilioError(400, 21617, "The concatenated message body exceeds the 1600 character limit.");
        }

        if (NotSmsCapable.Contains(to))
        {
            return TwilioError(400, 21614, $"'To' number {to} is not a valid mobile number");
        }

        if (OptedOut.Contains(to))
        {
            return TwilioError(400, 21610, "Attempt to send to unsubscribed recipient");
        }

        // Through a Messaging Service Twilio picks the sender later, so the message starts "accepted".
        var message = new FakeTwilioMessage(
            NewSid("SM"), account.Sid, to, from.Length > 0 ? from : null, serviceSid.Length > 0 ? serviceSid : null,
            body, NullIfEmpty(form["StatusCallback"].ToString()), serviceSid.Length > 0 ? "accepted" : "queued", DateTimeOffset.UtcNow);
        SentMessages.Enqueue(message);
        return Results.Json(MessageJson(message), Wire, statusCode: 201);
    }

    private IResult LookUp(HttpContext http, FakeTwilioAccount account)
    {
        var number = Route(http, "phoneNumber");
        var wellFormed = E164().IsMatch(number);
        var valid = wellFormed && !InvalidNumbers.Contains(number);
        var northAmerican = wellFormed && number.StartsWith("+1", StringComparison.Ordinal) && number.Length == 12;
        return Results.Json(new Dictionary<string, object?>
        {
            ["calling_country_code"] = wellFormed && northAmerican ? "1" : null,
            ["country_code"] = valid && northAmerican ? "US" : null,
            ["phone_number"] = number,
            ["national_format"] = valid && northAmerican ? $"({number[2..5]}) {number[5..8]}-{number[8..]}" : null,
            ["valid"] = valid,
            ["validation_errors"] = valid ? Array.Empty<string>() : [wellFormed ? "INVALID_BUT_POSSIBLE" : "NOT_A_NUMBER"],
            ["caller_name"] = null,
            ["sim_swap"] = null,
            ["call_forwarding"] = null,
            ["line_status"] = null,
            ["line_type_intelligence"] = null,
            ["identity_match"] = null,
            ["reassigned_number"] = null,
            ["sms_pumping_risk"] = null,
            ["phone_number_quality_score"] = null,
            ["pre_fill"] = null,
            ["url"] = $"https://lookups.twilio.com/v2/PhoneNumbers/{number}",
        }, Wire);
    }

    private IResult CreateBrand(HttpContext http, FakeTwilioAccount account, IFormCollection form)
    {
        if (Missing(form, "CustomerProfileBundleSid", "A2PProfileBundleSid") is { } missing)
        {
            return missing;
        }

        var brand = new FakeBrandRegistration(
            NewSid("BN"), account.Sid, form["CustomerProfileBundleSid"].ToString(), form["A2PProfileBundleSid"].ToString())
        {
            Status = NewBrandStatus,
        };
        Brands[brand.Sid] = brand;
        return Results.Json(BrandJson(brand), Wire, statusCode: 201);
    }

    private IResult CreateService(HttpContext http, FakeTwilioAccount account, IFormCollection form)
    {
        if (Missing(form, "FriendlyName") is { } missing)
        {
            return missing;
        }

        var service = AddMessagingService(form["FriendlyName"].ToString(), account.Sid);
        return Results.Json(ServiceJson(service), Wire, statusCode: 201);
    }

    private IResult AddPhoneNumberToService(HttpContext http, FakeTwilioAccount account, IFormCollection form)
    {
        if (Missing(form, "PhoneNumberSid") is { } missing)
        {
            return missing;
        }

        if (Owned(Services, Route(http, "serviceSid"), account) is not { } service)
        {
            return NotFound(http);
        }

        var sid = form["PhoneNumberSid"].ToString();
        if (account.Numbers.Values.FirstOrDefault(n => n.Sid == sid) is not { } number)
        {
            return TwilioError(400, 21421, $"PhoneNumber {sid} is invalid.");
        }

        if (!service.PhoneNumberSids.TryAdd(sid, 0))
        {
            return TwilioError(409, 21710, "Phone Number or Short Code is already in the Messaging Service.");
        }

        var now = Iso(DateTimeOffset.UtcNow);
        return Results.Json(new Dictionary<string, object?>
        {
            ["sid"] = number.Sid,
            ["account_sid"] = account.Sid,
            ["service_sid"] = service.Sid,
            ["date_created"] = now,
            ["date_updated"] = now,
            ["phone_number"] = number.PhoneNumber,
            ["country_code"] = "US",
            ["capabilities"] = number.CapabilityWords(),
            ["url"] = $"https://messaging.twilio.com/v1/Services/{service.Sid}/PhoneNumbers/{number.Sid}",
        }, Wire, statusCode: 201);
    }

    private IResult CreateCampaign(HttpContext http, FakeTwilioAccount account, IFormCollection form)
    {
        if (Missing(form, "BrandRegistrationSid", "Description", "MessageFlow", "MessageSamples", "UsAppToPersonUsecase", "HasEmbeddedLinks", "HasEmbeddedPhone") is { } missing)
        {
            return missing;
        }

        if (Owned(Services, Route(http, "serviceSid"), account) is not { } service)
        {
            return NotFound(http);
        }

        if (Owned(Brands, form["BrandRegistrationSid"].ToString(), account) is null)
        {
            return NotFound(http);
        }

        var campaign = new FakeUsa2pCampaign(NewSid("QE"), account.Sid, service.Sid, form["BrandRegistrationSid"].ToString())
        {
            Description = form["Description"].ToString(),
            MessageFlow = form["MessageFlow"].ToString(),
            MessageSamples = [.. form["MessageSamples"].OfType<string>()],
            UseCase = form["UsAppToPersonUsecase"].ToString(),
            HasEmbeddedLinks = bool.Parse(form["HasEmbeddedLinks"].ToString()),
            HasEmbeddedPhone = bool.Parse(form["HasEmbeddedPhone"].ToString()),
            OptInMessage = NullIfEmpty(form["OptInMessage"].ToString()),
            OptOutMessage = NullIfEmpty(form["OptOutMessage"].ToString()),
            HelpMessage = NullIfEmpty(form["HelpMessage"].ToString()),
            OptInKeywords = [.. form["OptInKeywords"].OfType<string>()],
            OptOutKeywords = [.. form["OptOutKeywords"].OfType<string>()],
            HelpKeywords = [.. form["HelpKeywords"].OfType<string>()],
            Status = NewCampaignStatus,
        };
        Campaigns[campaign.Sid] = campaign;
        return Results.Json(CampaignJson(campaign), Wire, statusCode: 201);
    }

    // ---- plumbing: auth, routing, errors --------------------------------------------------------------

    private void Get(WebApplication app, string pattern, Func<HttpContext, FakeTwilioAccount, IResult> handler) =>
        app.MapGet(pattern, (HttpContext http) => Authorized(http) is { } account ? ScopedTo(http, account) ?? handler(http, account) : Unauthenticated(http));

    private void Post(WebApplication app, string pattern, Func<HttpContext, FakeTwilioAccount, IFormCollection, IResult> handler) =>
        app.MapPost(pattern, async (HttpContext http) =>
        {
            if (Authorized(http) is not { } account)
            {
                return Unauthenticated(http);
            }

            if (!http.Request.HasFormContentType)
            {
                return TwilioError(400, 20001, "Request body must be application/x-www-form-urlencoded.");
            }

            return ScopedTo(http, account) ?? handler(http, account, await http.Request.ReadFormAsync());
        });

    /// <summary>The account whose SID and auth token the request's Basic credentials carry, if they match.</summary>
    private FakeTwilioAccount? Authorized(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return null;
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && Accounts.TryGetValue(credentials[..colon], out var account)
            && account.AuthToken == credentials[(colon + 1)..]
            && account.Status != "closed"
                ? account
                : null;
    }

    /// <summary>A 2010-04-01 path names the account; it must be the authenticated one.</summary>
    private static IResult? ScopedTo(HttpContext http, FakeTwilioAccount account) =>
        http.GetRouteValue("accountSid") is string pathAccount && pathAccount != account.Sid ? NotFound(http) : null;

    private static IResult Unauthenticated(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
        return Unauthenticated();
    }

    private static IResult Unauthenticated() => Results.Json(new Dictionary<string, object?>
    {
        ["code"] = 20003,
        ["detail"] = "Your AccountSid or AuthToken was incorrect.",
        ["message"] = "Authenticate",
        ["more_info"] = "https://www.twilio.com/docs/errors/20003",
        ["status"] = 401,
    }, Wire, statusCode: 401);

    private static IResult NotFound(HttpContext http) =>
        TwilioError(404, 20404, $"The requested resource {http.Request.Path} was not found");

    private static IResult TwilioError(int status, int code, string message) => Results.Json(new Dictionary<string, object?>
    {
        ["code"] = code,
        ["message"] = message,
        ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
        ["status"] = status,
    }, Wire, statusCode: status);

    private static IResult? Missing(IFormCollection form, params string[] names) =>
        names.FirstOrDefault(n => form[n].Count == 0) is { } name
            ? TwilioError(400, 20001, $"Missing required parameter {name} in the post body")
            : null;

    private static T? Owned<T>(ConcurrentDictionary<string, T> resources, string sid, FakeTwilioAccount account) where T : class, IFakeTwilioResource =>
        resources.TryGetValue(sid, out var resource) && resource.AccountSid == account.Sid ? resource : null;

    private static string Route(HttpContext http, string name) => http.GetRouteValue(name) as string ?? "";

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    // Twilio's 2010-04-01 API writes RFC 2822 dates; the v1 APIs write ISO 8601.
    private static string Rfc2822(DateTimeOffset at) => at.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    private static partial Regex E164();

    // ---- Twilio's resource shapes ---------------------------------------------------------------------

    private static Dictionary<string, object?> AccountJson(FakeTwilioAccount account)
    {
        var uri = $"/2010-04-01/Accounts/{account.Sid}";
        return new()
        {
            ["auth_token"] = account.AuthToken,
            ["date_created"] = Rfc2822(account.Created),
            ["date_updated"] = Rfc2822(account.Created),
            ["friendly_name"] = account.FriendlyName,
            ["owner_account_sid"] = account.Sid,
            ["sid"] = account.Sid,
            ["status"] = account.Status,
            ["subresource_uris"] = new Dictionary<string, string>
            {
                ["incoming_phone_numbers"] = $"{uri}/IncomingPhoneNumbers.json",
                ["messages"] = $"{uri}/Messages.json",
            },
            ["type"] = account.Type,
            ["uri"] = $"{uri}.json",
        };
    }

    private static Dictionary<string, object?> IncomingNumberJson(FakeTwilioAccount account, FakeIncomingNumber number) => new()
    {
        ["account_sid"] = account.Sid,
        ["address_requirements"] = "none",
        ["api_version"] = "2010-04-01",
        ["beta"] = false,
        ["capabilities"] = new Dictionary<string, bool> { ["fax"] = false, ["mms"] = number.Mms, ["sms"] = number.Sms, ["voice"] = number.Voice },
        ["date_created"] = Rfc2822(account.Created),
        ["date_updated"] = Rfc2822(account.Created),
        ["friendly_name"] = $"({number.PhoneNumber[2..5]}) {number.PhoneNumber[5..8]}-{number.PhoneNumber[8..]}",
        ["origin"] = "twilio",
        ["phone_number"] = number.PhoneNumber,
        ["sid"] = number.Sid,
        ["sms_method"] = "POST",
        ["sms_url"] = "",
        ["status"] = "in-use",
        ["uri"] = $"/2010-04-01/Accounts/{account.Sid}/IncomingPhoneNumbers/{number.Sid}.json",
        ["voice_method"] = "POST",
        ["voice_url"] = "",
    };

    private static Dictionary<string, object?> MessageJson(FakeTwilioMessage message) => new()
    {
        ["account_sid"] = message.AccountSid,
        ["api_version"] = "2010-04-01",
        ["body"] = message.Body,
        ["date_created"] = Rfc2822(message.Created),
        ["date_sent"] = null,
        ["date_updated"] = Rfc2822(message.Created),
        ["direction"] = "outbound-api",
        ["error_code"] = null,
        ["error_message"] = null,
        ["from"] = message.From,
        ["messaging_service_sid"] = message.MessagingServiceSid,
        ["num_media"] = "0",
        ["num_segments"] = ((message.Body.Length + 152) / 153).ToString(CultureInfo.InvariantCulture),
        ["price"] = null,
        ["price_unit"] = "USD",
        ["sid"] = message.Sid,
        ["status"] = message.Status,
        ["subresource_uris"] = new Dictionary<string, string>
        {
            ["media"] = $"/2010-04-01/Accounts/{message.AccountSid}/Messages/{message.Sid}/Media.json",
        },
        ["to"] = message.To,
        ["uri"] = $"/2010-04-01/Accounts/{message.AccountSid}/Messages/{message.Sid}.json",
    };

    private static Dictionary<string, object?> BrandJson(FakeBrandRegistration brand) => new()
    {
        ["sid"] = brand.Sid,
        ["account_sid"] = brand.AccountSid,
        ["customer_profile_bundle_sid"] = brand.CustomerProfileBundleSid,
        ["a2p_profile_bundle_sid"] = brand.A2pProfileBundleSid,
        ["date_created"] = Iso(brand.Created),
        ["date_updated"] = Iso(brand.Created),
        ["brand_type"] = "STANDARD",
        ["status"] = brand.Status,
        ["tcr_id"] = brand.Status == "APPROVED" ? "BXXXXXX" : null,
        ["failure_reason"] = brand.FailureReason,
        ["errors"] = Array.Empty<object>(),
        ["url"] = $"https://messaging.twilio.com/v1/a2p/BrandRegistrations/{brand.Sid}",
        ["brand_score"] = null,
        ["brand_feedback"] = null,
        ["identity_status"] = brand.Status == "APPROVED" ? "VERIFIED" : "UNVERIFIED",
        ["russell_3000"] = false,
        ["government_entity"] = false,
        ["tax_exempt_status"] = null,
        ["skip_automatic_sec_vet"] = false,
        ["mock"] = false,
        ["links"] = new Dictionary<string, string>
        {
            ["brand_vettings"] = $"https://messaging.twilio.com/v1/a2p/BrandRegistrations/{brand.Sid}/Vettings",
        },
    };

    private static Dictionary<string, object?> ServiceJson(FakeMessagingService service) => new()
    {
        ["sid"] = service.Sid,
        ["account_sid"] = service.AccountSid,
        ["friendly_name"] = service.FriendlyName,
        ["date_created"] = Iso(service.Created),
        ["date_updated"] = Iso(service.Created),
        ["inbound_request_url"] = null,
        ["inbound_method"] = "POST",
        ["fallback_url"] = null,
        ["fallback_method"] = "POST",
        ["status_callback"] = null,
        ["sticky_sender"] = true,
        ["mms_converter"] = true,
        ["smart_encoding"] = true,
        ["scan_message_content"] = "inherit",
        ["fallback_to_long_code"] = true,
        ["area_code_geomatch"] = true,
        ["synchronous_validation"] = false,
        ["validity_period"] = 14400,
        ["usecase"] = "undeclared",
        ["us_app_to_person_registered"] = false,
        ["use_inbound_webhook_on_number"] = false,
        ["url"] = $"https://messaging.twilio.com/v1/Services/{service.Sid}",
        ["links"] = new Dictionary<string, string>
        {
            ["phone_numbers"] = $"https://messaging.twilio.com/v1/Services/{service.Sid}/PhoneNumbers",
            ["us_app_to_person"] = $"https://messaging.twilio.com/v1/Services/{service.Sid}/Compliance/Usa2p",
        },
    };

    private static Dictionary<string, object?> CampaignJson(FakeUsa2pCampaign campaign) => new()
    {
        ["sid"] = campaign.Sid,
        ["account_sid"] = campaign.AccountSid,
        ["brand_registration_sid"] = campaign.BrandRegistrationSid,
        ["messaging_service_sid"] = campaign.ServiceSid,
        ["description"] = campaign.Description,
        ["message_flow"] = campaign.MessageFlow,
        ["message_samples"] = campaign.MessageSamples,
        ["us_app_to_person_usecase"] = campaign.UseCase,
        ["has_embedded_links"] = campaign.HasEmbeddedLinks,
        ["has_embedded_phone"] = campaign.HasEmbeddedPhone,
        ["opt_in_message"] = campaign.OptInMessage,
        ["opt_out_message"] = campaign.OptOutMessage,
        ["help_message"] = campaign.HelpMessage,
        ["opt_in_keywords"] = campaign.OptInKeywords,
        ["opt_out_keywords"] = campaign.OptOutKeywords,
        ["help_keywords"] = campaign.HelpKeywords,
        ["campaign_status"] = campaign.Status,
        ["campaign_id"] = campaign.Status == "VERIFIED" ? "CXXXXXX" : null,
        ["is_externally_registered"] = false,
        ["rate_limits"] = new Dictionary<string, object>(),
        ["errors"] = campaign.Errors.Select(e => new Dictionary<string, object>
        {
            ["error_code"] = e.ErrorCode,
            ["description"] = e.Description,
            ["url"] = $"https://www.twilio.com/docs/api/errors/{e.ErrorCode}",
            ["fields"] = Array.Empty<string>(),
        }).ToList(),
        ["date_created"] = Iso(campaign.Created),
        ["date_updated"] = Iso(campaign.Created),
        ["url"] = $"https://messaging.twilio.com/v1/Services/{campaign.ServiceSid}/Compliance/Usa2p/{campaign.Sid}",
        ["mock"] = false,
    };
}

/// <summary>Something a Twilio account owns.</summary>
public interface IFakeTwilioResource
{
    string AccountSid { get; }
}

public sealed class FakeTwilioAccount(string sid, string authToken)
{
    public string Sid { get; } = sid;

    public string AuthToken { get; set; } = authToken;

    /// <summary>active, suspended or closed (a closed account's credentials no longer authenticate).</summary>
    public string Status { get; set; } = "active";

    /// <summary>Full or Trial.</summary>
    public string Type { get; set; } = "Full";

    public string FriendlyName { get; set; } = "My first Twilio account";

    public DateTimeOffset Created { get; } = DateTimeOffset.UtcNow.AddDays(-30);

    /// <summary>The account's own numbers by E.164 value.</summary>
    public ConcurrentDictionary<string, FakeIncomingNumber> Numbers { get; } = new();

    public FakeIncomingNumber AddNumber(string phoneNumber, bool sms = true, bool voice = true, bool mms = true)
    {
        var number = new FakeIncomingNumber(FakeTwilio.NewSid("PN"), phoneNumber, sms, voice, mms);
        Numbers[phoneNumber] = number;
        return number;
    }
}

public sealed record FakeIncomingNumber(string Sid, string PhoneNumber, bool Sms = true, bool Voice = true, bool Mms = true)
{
    /// <summary>Messaging v1 lists capabilities as words, unlike the 2010 API's flags.</summary>
    public IReadOnlyList<string> CapabilityWords() =>
        new[] { (Sms, "SMS"), (Voice, "Voice"), (Mms, "MMS") }.Where(c => c.Item1).Select(c => c.Item2).ToList();
}

public sealed record FakeTwilioMessage(
    string Sid, string AccountSid, string To, string? From, string? MessagingServiceSid, string Body, string? StatusCallback, string Status, DateTimeOffset Created);

public sealed class FakeBrandRegistration(string sid, string accountSid, string customerProfileBundleSid, string a2pProfileBundleSid) : IFakeTwilioResource
{
    public string Sid { get; } = sid;

    public string AccountSid { get; } = accountSid;

    public string CustomerProfileBundleSid { get; } = customerProfileBundleSid;

    public string A2pProfileBundleSid { get; } = a2pProfileBundleSid;

    /// <summary>PENDING, IN_REVIEW, APPROVED, FAILED, SUSPENDED.</summary>
    public string Status { get; set; } = "PENDING";

    public string? FailureReason { get; set; }

    public DateTimeOffset Created { get; } = DateTimeOffset.UtcNow;
}

public sealed class FakeMessagingService(string sid, string accountSid, string friendlyName) : IFakeTwilioResource
{
    public string Sid { get; } = sid;

    public string AccountSid { get; } = accountSid;

    public string FriendlyName { get; } = friendlyName;

    /// <summary>The PN... SIDs in the service's sender pool.</summary>
    public ConcurrentDictionary<string, byte> PhoneNumberSids { get; } = new();

    public DateTimeOffset Created { get; } = DateTimeOffset.UtcNow;
}

public sealed class FakeUsa2pCampaign(string sid, string accountSid, string serviceSid, string brandRegistrationSid) : IFakeTwilioResource
{
    public string Sid { get; } = sid;

    public string AccountSid { get; } = accountSid;

    public string ServiceSid { get; } = serviceSid;

    public string BrandRegistrationSid { get; } = brandRegistrationSid;

    public string Description { get; init; } = "";

    public string MessageFlow { get; init; } = "";

    public IReadOnlyList<string> MessageSamples { get; init; } = [];

    public string UseCase { get; init; } = "";

    public bool HasEmbeddedLinks { get; init; }

    public bool HasEmbeddedPhone { get; init; }

    public string? OptInMessage { get; init; }

    public string? OptOutMessage { get; init; }

    public string? HelpMessage { get; init; }

    public IReadOnlyList<string> OptInKeywords { get; init; } = [];

    public IReadOnlyList<string> OptOutKeywords { get; init; } = [];

    public IReadOnlyList<string> HelpKeywords { get; init; } = [];

    /// <summary>PENDING, IN_PROGRESS, VERIFIED, FAILED, SUSPENDED.</summary>
    public string Status { get; set; } = "PENDING";

    public ConcurrentQueue<FakeCampaignError> Errors { get; } = new();

    public DateTimeOffset Created { get; } = DateTimeOffset.UtcNow;
}

public sealed record FakeCampaignError(int ErrorCode, string Description);

/// <summary>A thread-safe set of E.164 numbers a test can change while requests are being served.</summary>
public sealed class FakeTwilioNumbers
{
    private readonly ConcurrentDictionary<string, byte> _numbers = new();

    public void Add(string phoneNumber) => _numbers.TryAdd(phoneNumber, 0);

    public void Remove(string phoneNumber) => _numbers.TryRemove(phoneNumber, out _);

    public bool Contains(string phoneNumber) => _numbers.ContainsKey(phoneNumber);
}
