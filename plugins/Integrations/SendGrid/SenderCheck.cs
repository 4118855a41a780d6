using System.Net;

namespace ServicePro.Integrations.SendGrid;

/// <summary>
/// Whether SendGrid will accept mail from the tenant's from address: either the address is a verified single
/// sender, or its domain is authenticated. A key restricted to Mail Send can't read either list (403); then the
/// check can't be made and the owner is told to make sure themselves, instead of refusing a working key.
/// </summary>
/// <param name="Verification">How the sender is accepted (single_sender, domain, unchecked); null when it isn't.</param>
/// <param name="Summary">The owner-facing sentence: the success summary, or what to fix.</param>
internal sealed record SenderCheck(string? Verification, string Summary)
{
    public const string SingleSender = "single_sender";
    public const string Domain = "domain";
    public const string Unchecked = "unchecked";

    public static async Task<SenderCheck> RunAsync(SendGridApi api, string fromEmail, CancellationToken cancellationToken)
    {
        var domain = fromEmail[(fromEmail.LastIndexOf('@') + 1)..];

        var senders = await api.GetAsync<VerifiedSendersReply>("verified_senders", cancellationToken);
        if (senders.Status != HttpStatusCode.Forbidden && SendGridWording.Trouble(senders.Status) is { } sendersTrouble)
        {
            return new(null, sendersTrouble);
        }

        var listed = senders.Value?.Results.FirstOrDefault(s => string.Equals(s.FromEmail, fromEmail, StringComparison.OrdinalIgnoreCase));
        if (listed is { Verified: true })
        {
            return new(SingleSender, $"Connected to SendGrid: this key can send email, and {fromEmail} is a verified sender.");
        }

        var domains = await api.GetAsync<List<AuthenticatedDomain>>("whitelabel/domains", cancellationToken);
        if (domains.Status != HttpStatusCode.Forbidden && SendGridWording.Trouble(domains.Status) is { } domainsTrouble)
        {
            return new(null, domainsTrouble);
        }

        if (domains.Value?.Any(d => d.Valid && string.Equals(d.Domain, domain, StringComparison.OrdinalIgnoreCase)) == true)
        {
            return new(Domain, $"Connected to SendGrid: this key can send email, and {domain} is an authenticated domain.");
        }

        if (senders.Status == HttpStatusCode.Forbidden || domains.Status == HttpStatusCode.Forbidden)
        {
            return new(Unchecked,
                $"Connected to SendGrid: this key can send email, but it can't read Sender Authentication, so make sure {fromEmail} is verified there.");
        }

        var howToFix = listed is null
            ? $"add it under Settings → Sender Authentication → Single Sender Verification, or authenticate {domain} there."
            : $"click the link in the verification email SendGrid sent to it, or authenticate {domain} under Settings → Sender Authentication.";
        return new(null, $"SendGrid hasn't verified {fromEmail} as a sender yet: {howToFix}");
    }
}
