using System.Net.Mail;
using ServicePro.Abstractions.Integrations;

namespace ServicePro.Integrations.SendGrid;

/// <summary>Format checks for the SendGrid fields, made before any call.</summary>
internal static class SendGridFormats
{
    private const int MaxFromNameLength = 100;

    public static IReadOnlyList<FieldProblem> Problems(IReadOnlyDictionary<string, string> values)
    {
        var problems = new List<FieldProblem>();

        var apiKey = values.GetValueOrDefault("api_key")?.Trim();
        if (string.IsNullOrEmpty(apiKey))
        {
            problems.Add(new("api_key", "Enter your SendGrid API key."));
        }
        else if (!IsApiKey(apiKey))
        {
            problems.Add(new("api_key",
                "That doesn't look like a SendGrid API key: it starts with \"SG.\" and has two dots. Copy the whole key SendGrid showed when you created it."));
        }

        var fromEmail = values.GetValueOrDefault("from_email")?.Trim();
        if (string.IsNullOrEmpty(fromEmail))
        {
            problems.Add(new("from_email", "Enter the email address your customers should see mail from."));
        }
        else if (!IsEmail(fromEmail))
        {
            problems.Add(new("from_email", "Enter a single email address, like bookings@yourbusiness.com."));
        }

        var fromName = values.GetValueOrDefault("from_name");
        if (fromName is not null && (fromName.Length > MaxFromNameLength || fromName.AsSpan().IndexOfAny('\r', '\n') >= 0))
        {
            problems.Add(new("from_name", $"Keep the from name on one line and under {MaxFromNameLength} characters."));
        }

        return problems;
    }

    /// <summary>
    /// "SG." + key id + "." + secret (22 and 43 characters today, 69 in all); lengths aren't enforced so a
    /// future key shape isn't refused, only the prefix and the three dot-separated parts.
    /// </summary>
    public static bool IsApiKey(string key)
    {
        var parts = key.Split('.');
        return parts.Length == 3
            && parts[0] == "SG"
            && parts.Skip(1).All(part => part.Length > 0 && part.All(IsBase64UrlChar));
    }

    /// <summary>A bare address (no display name) whose domain has a dot.</summary>
    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal);

    private static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
