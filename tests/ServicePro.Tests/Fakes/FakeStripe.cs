using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ServicePro.Tests.Fakes;

/// <summary>
/// Stripe's API as far as the platform uses it: GET /v1/account (the account the key belongs to), with
/// Stripe's key authentication (Bearer, or Basic with the key as user name) and its error bodies.
/// </summary>
public sealed class FakeStripe : FakeService
{
    /// <summary>The only secret key the fake accepts.</summary>
    public const string ValidSecretKey = "sk_test_51PqFakeShinyWheels0SecretKey00000000000000000001234";

    /// <summary>The publishable key that goes with <see cref="ValidSecretKey"/> (never sent to the API by the server side).</summary>
    public const string ValidPublishableKey = "pk_test_51PqFakeShinyWheels0PublishableKey000000000000005678";

    public const string ValidWebhookSecret = "whsec_FakeShinyWheelsSigningSecret00000001";

    private static readonly JsonSerializerOptions Wire = new() { PropertyNamingPolicy = null };

    public string AccountId { get; set; } = "acct_1PqFakeShinyWheel";

    /// <summary>business_profile.name; null as on an account that never filled it in.</summary>
    public string? BusinessName { get; set; } = "Shiny Wheels Detailing";

    /// <summary>settings.dashboard.display_name, which Stripe fills in when the account is created.</summary>
    public string DisplayName { get; set; } = "Shiny Wheels";

    /// <summary>False until the owner finishes Stripe's activation (identity, bank account, terms).</summary>
    public bool ChargesEnabled { get; set; } = true;

    public bool PayoutsEnabled { get; set; } = true;

    public bool DetailsSubmitted { get; set; } = true;

    public string Country { get; set; } = "US";

    public string DefaultCurrency { get; set; } = "usd";

    protected override void Map(WebApplication app)
    {
        // Every Stripe answer names its request and the API version it was served with.
        app.Use((context, next) =>
        {
            context.Response.Headers["Request-Id"] = "req_" + Guid.NewGuid().ToString("N")[..14];
            if (context.Request.Headers.TryGetValue("Stripe-Version", out var version))
            {
                context.Response.Headers["Stripe-Version"] = version;
            }

            return next(context);
        });

        app.MapGet("/v1/account", (HttpContext context) =>
            KeyFrom(context.Request) switch
            {
                null => StripeError(401, "You did not provide an API key. You need to provide your API key in the Authorization header, " +
                    "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication " +
                    "for details, or we can help at https://support.stripe.com/."),
                ValidSecretKey => Results.Json(Account(), Wire),
                var wrong => StripeError(401, $"Invalid API Key provided: {Masked(wrong)}"),
            });

        app.MapFallback((HttpContext context) => StripeError(404,
            $"Unrecognized request URL ({context.Request.Method}: {context.Request.Path}). Please see https://stripe.com/docs " +
            "or we can help at https://support.stripe.com/."));
    }

    protected override IResult ErrorResult(int status) => status switch
    {
        401 => StripeError(401, "Invalid API Key provided: sk_test_****1234"),
        403 => StripeError(403, $"The provided key 'rk_test_****1234' does not have the required permissions for this endpoint on account '{AccountId}'."),
        429 => StripeError(429, "Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.", "rate_limit"),
        >= 500 => StripeError(status, "An unknown error occurred", type: "api_error"),
        _ => StripeError(status, "Invalid request."),
    };

    /// <summary>Stripe accepts the key as a Bearer token or as the Basic user name (empty password); Stripe.net sends Bearer.</summary>
    private static string? KeyFrom(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
                return decoded.Split(':', 2)[0];
            }
            catch (FormatException)
            {
                return "";
            }
        }

        return null;
    }

    /// <summary>Stripe quotes a rejected key with everything but its prefix and last four characters hidden.</summary>
    private static string Masked(string key)
    {
        var prefixEnd = key.LastIndexOf('_') + 1;
        return key.Length > prefixEnd + 4 ? key[..prefixEnd] + "****" + key[^4..] : "****";
    }

    private static IResult StripeError(int status, string message, string? code = null, string type = "invalid_request_error") =>
        Results.Json(new { error = code is null ? (object)new { message, type } : new { code, message, type } }, Wire, statusCode: status);

    private object Account()
    {
        var outstanding = ChargesEnabled ? Array.Empty<string>() : ["external_account", "tos_acceptance.date", "tos_acceptance.ip"];
        return new
        {
            id = AccountId,
            @object = "account",
            business_profile = new
            {
                mcc = "7542",
                name = BusinessName,
                support_email = "owner@shinywheels.example",
                support_phone = "+19185550100",
                url = "https://shinywheels.example",
            },
            business_type = "company",
            capabilities = new { card_payments = ChargesEnabled ? "active" : "inactive", transfers = PayoutsEnabled ? "active" : "inactive" },
            charges_enabled = ChargesEnabled,
            controller = new { type = "account" },
            country = Country,
            created = 1_717_000_000,
            default_currency = DefaultCurrency,
            details_submitted = DetailsSubmitted,
            email = "owner@shinywheels.example",
            metadata = new { },
            payouts_enabled = PayoutsEnabled,
            requirements = new
            {
                alternatives = Array.Empty<object>(),
                current_deadline = (long?)null,
                currently_due = outstanding,
                disabled_reason = ChargesEnabled ? null : "requirements.past_due",
                errors = Array.Empty<object>(),
                eventually_due = outstanding,
                past_due = outstanding,
                pending_verification = Array.Empty<string>(),
            },
            settings = new
            {
                dashboard = new { display_name = DisplayName, timezone = "America/Chicago" },
                payments = new { statement_descriptor = "SHINY WHEELS" },
            },
            type = "standard",
        };
    }
}
