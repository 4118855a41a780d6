using System.Globalization;
using System.Net;
using ServicePro.Abstractions.Integrations;

namespace ServicePro.Integrations.SendGrid;

/// <summary>
/// The tenant's own SendGrid account, for booking confirmations, reminders and receipts sent from the
/// business's address. The connection test proves the key may send mail and that SendGrid will accept the
/// from address (a verified single sender, or an address on an authenticated domain).
/// </summary>
public sealed class SendGridProvider : IIntegrationProvider
{
    private const string MailSendScope = "mail.send";

    public string Key => "sendgrid";

    public string Name => "SendGrid";

    public string Description =>
        "Send booking confirmations, reminders and receipts by email from your own business address.";

    public IReadOnlyList<CredentialField> Fields { get; } =
    [
        new("api_key", "API key", Secret: true,
            Help: "In SendGrid, open Settings → API Keys → Create API Key and give it Mail Send access (Full Access works too).",
            Placeholder: "SG.…"),
        new("from_email", "From email address", Secret: false,
            Help: "The address your customers see. Verify it, or authenticate its domain, under Settings → Sender Authentication.",
            Placeholder: "bookings@yourbusiness.com"),
        new("from_name", "From name", Secret: false, Required: false,
            Help: "The name your customers see next to the address; your business name if left empty.",
            Placeholder: "Your Business Name"),
    ];

    public IReadOnlyDictionary<string, Uri> Endpoints { get; } =
        new Dictionary<string, Uri> { ["api"] = new("https://api.sendgrid.com/") };

    public IReadOnlyList<FieldProblem> Validate(IReadOnlyDictionary<string, string> values) => SendGridFormats.Problems(values);

    public async Task<ConnectionTestResult> TestConnectionAsync(IntegrationContext context, CancellationToken cancellationToken)
    {
        var api = new SendGridApi(context.Http, context.Endpoint("api"), context.Value("api_key").Trim());
        var fromEmail = context.Value("from_email").Trim();

        var scopes = await api.GetAsync<ScopesReply>("scopes", cancellationToken);
        if (SendGridWording.Trouble(scopes.Status) is { } scopesTrouble)
        {
            return ConnectionTestResult.Failure(scopesTrouble);
        }

        var granted = scopes.Value?.Scopes ?? [];
        if (!granted.Contains(MailSendScope, StringComparer.Ordinal))
        {
            return ConnectionTestResult.Failure("That API key can't send email; create a key with Mail Send permission.");
        }

        var sender = await SenderCheck.RunAsync(api, fromEmail, cancellationToken);
        if (sender.Verification is null)
        {
            return ConnectionTestResult.Failure(sender.Summary);
        }

        var findings = new Dictionary<string, string>
        {
            ["scopes_count"] = granted.Count.ToString(CultureInfo.InvariantCulture),
            ["mail_send"] = "true",
            ["sender_verified"] = sender.Verification == SenderCheck.Unchecked ? "unknown" : "true",
            ["sender_verification"] = sender.Verification,
        };
        return ConnectionTestResult.Success(sender.Summary, findings);
    }
}

/// <summary>Owner-facing words for SendGrid's HTTP answers that stop a connection test.</summary>
internal static class SendGridWording
{
    public static string? Trouble(HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => null,
        401 => "That API key was rejected by SendGrid.",
        403 => "SendGrid refused that API key; check that the key is still active in Settings → API Keys.",
        429 => "SendGrid is busy right now; try again in a few minutes.",
        >= 500 => "SendGrid is unavailable right now; try again in a few minutes.",
        var code => $"SendGrid answered with an unexpected error (HTTP {code}); try again, and contact support if it keeps happening.",
    };
}
