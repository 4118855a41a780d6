using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ServicePro.Tests.Fakes;

/// <summary>A single-sender identity as GET /v3/verified_senders lists it.</summary>
public sealed record FakeVerifiedSender(long Id, string FromEmail, bool Verified, string FromName = "Shiny Wheels");

/// <summary>A domain as GET /v3/whitelabel/domains lists it; Valid once its DNS records check out.</summary>
public sealed record FakeAuthenticatedDomain(long Id, string Domain, bool Valid);

/// <summary>One accepted POST /v3/mail/send: the from address, recipients, subject and the raw JSON body.</summary>
public sealed record FakeSentMail(string MessageId, string From, IReadOnlyList<string> To, string? Subject, string Body);

/// <summary>
/// SendGrid's v3 API: Bearer API keys, the key's scopes, sender identities, authenticated domains and mail/send
/// (202, recorded in <see cref="SentMail"/>). Errors use SendGrid's {"errors":[{"field":null,"message":...}]}.
/// Which scope guards /v3/verified_senders isn't documented; the fake asks for sender_verification_eligible,
/// which keys with sender access carry, so a key with only mail.send gets 403 there, as in SendGrid.
/// </summary>
public sealed class FakeSendGrid : FakeService
{
    /// <summary>Real shape: "SG." + 22-character key id + "." + 43-character secret (69 characters).</summary>
    public const string DefaultApiKey = "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";

    public const string DefaultFromEmail = "owner@shinywheels.example";

    public string ValidApiKey { get; set; } = DefaultApiKey;

    /// <summary>The key's scopes (a realistic restricted key: mail, sender identities, domain authentication read).</summary>
    public List<string> Scopes { get; set; } =
        ["2fa_required", "mail.send", "sender_verification_eligible", "whitelabel.read", "alerts.read", "stats.read", "user.profile.read"];

    public List<FakeVerifiedSender> VerifiedSenders { get; set; } = [new(1_482_365, DefaultFromEmail, Verified: true)];

    public List<FakeAuthenticatedDomain> AuthenticatedDomains { get; set; } = [];

    public ConcurrentQueue<FakeSentMail> SentMail { get; } = new();

    protected override void Map(WebApplication app)
    {
        app.MapGet("/v3/scopes", (HttpRequest request) =>
            Authorized(request) ?? Results.Json(new { scopes = Scopes }));

        app.MapGet("/v3/verified_senders", (HttpRequest request) =>
            Authorized(request, "sender_verification_eligible") ?? Results.Json(new
            {
                results = VerifiedSenders.Select(s => new
                {
                    id = s.Id,
                    nickname = s.FromName,
                    from_email = s.FromEmail,
                    from_name = s.FromName,
                    reply_to = s.FromEmail,
                    reply_to_name = s.FromName,
                    address = "1200 S Main St",
                    address2 = "",
                    state = "OK",
                    city = "Tulsa",
                    zip = "74119",
                    country = "USA",
                    verified = s.Verified,
                    locked = false,
                }),
            }));

        app.MapGet("/v3/whitelabel/domains", (HttpRequest request) =>
            Authorized(request, "whitelabel.read") ?? Results.Json(AuthenticatedDomains.Select(d => new
            {
                id = d.Id,
                user_id = 7_654_321,
                subdomain = "em4821",
                domain = d.Domain,
                username = "shinywheels",
                ips = Array.Empty<string>(),
                custom_spf = false,
                @default = true,
                legacy = false,
                automatic_security = true,
                valid = d.Valid,
                dns = new
                {
                    mail_cname = new { valid = d.Valid, type = "cname", host = $"em4821.{d.Domain}", data = "u7654321.wl122.sendgrid.net" },
                    dkim1 = new { valid = d.Valid, type = "cname", host = $"s1._domainkey.{d.Domain}", data = "s1.domainkey.u7654321.wl122.sendgrid.net" },
                    dkim2 = new { valid = d.Valid, type = "cname", host = $"s2._domainkey.{d.Domain}", data = "s2.domainkey.u7654321.wl122.sendgrid.net" },
                },
            })));

        app.MapPost("/v3/mail/send", async (HttpRequest request, HttpResponse response) =>
        {
            if (Authorized(request, "mail.send") is { } refused)
            {
                return refused;
            }

            var body = await new StreamReader(request.Body).ReadToEndAsync();
            using var mail = JsonDocument.Parse(body);
            var from = mail.RootElement.GetProperty("from").GetProperty("email").GetString() ?? "";
            if (!MaySendFrom(from))
            {
                return Errors(403, "The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved. "
                    + "Visit https://sendgrid.com/docs/for-developers/sending-email/sender-identity/ to see the Sender Identity requirements", "from");
            }

            var to = mail.RootElement.GetProperty("personalizations").EnumerateArray()
                .SelectMany(p => p.GetProperty("to").EnumerateArray())
                .Select(t => t.GetProperty("email").GetString() ?? "")
                .ToList();
            var subject = mail.RootElement.TryGetProperty("subject", out var s) ? s.GetString() : null;
            var messageId = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            SentMail.Enqueue(new FakeSentMail(messageId, from, to, subject, body));
            response.Headers["X-Message-Id"] = messageId;
            return Results.StatusCode(StatusCodes.Status202Accepted);
        });
    }

    protected override IResult ErrorResult(int status) => Errors(status, status switch
    {
        401 => "authorization required",
        403 => "access forbidden",
        404 => "resource not found",
        413 => "request entity too large",
        429 => "too many requests",
        _ => "internal server error",
    });

    private static IResult Errors(int status, string message, string? field = null) =>
        Results.Json(new { errors = new[] { new { field, message } } }, statusCode: status);

    /// <summary>Null when the Bearer key is valid and holds <paramref name="scope"/>; otherwise SendGrid's 401 or 403.</summary>
    private IResult? Authorized(HttpRequest request, string? scope = null)
    {
        if (request.Headers.Authorization.ToString() != "Bearer " + ValidApiKey)
        {
            return Errors(401, "authorization required");
        }

        return scope is null || Scopes.Contains(scope) ? null : Errors(403, "access forbidden");
    }

    private bool MaySendFrom(string from)
    {
        var domain = from[(from.LastIndexOf('@') + 1)..];
        return VerifiedSenders.Any(s => s.Verified && string.Equals(s.FromEmail, from, StringComparison.OrdinalIgnoreCase))
            || AuthenticatedDomains.Any(d => d.Valid && string.Equals(d.Domain, domain, StringComparison.OrdinalIgnoreCase));
    }
}
