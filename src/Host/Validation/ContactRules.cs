using System.Net.Mail;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace ServicePro.Host.Validation;

/// <summary>E-mail addresses: one rule wherever one enters (staff, owners, customers, technicians, a business).</summary>
public static class EmailRules
{
    /// <summary>The longest address SMTP can carry (RFC 5321: 254 characters).</summary>
    public const int MaxLength = 254;

    /// <summary>The address trimmed, or null when it is not one a message could be sent to.</summary>
    public static string? Normalize(string? input)
    {
        var address = input?.Trim();
        if (string.IsNullOrEmpty(address) || TextRules.Problem(address, MaxLength) is not null)
        {
            return null;
        }

        var at = address.LastIndexOf('@');
        if (at is <= 0 or > 64 || address.IndexOf('@') != at || at == address.Length - 1 || address.Any(char.IsWhiteSpace))
        {
            return null;
        }

        var domain = address[(at + 1)..];
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains(".."))
        {
            return null;
        }

        return MailAddress.TryCreate(address, out var parsed) && parsed.Address == address ? address : null;
    }

    public static bool IsValid(string? input) => Normalize(input) is not null;
}

/// <summary>Phone numbers, by libphonenumber: valid for their country, stored in E.164 (+19185550123).</summary>
public static class PhoneRules
{
    /// <summary>Numbers written without a country code are taken as this country's (the platform started in the US).</summary>
    public const string DefaultRegion = "US";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The number in E.164, or null when it is not a valid phone number.</summary>
    public static string? ToE164(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || TextRules.Problem(input, 40) is not null)
        {
            return null;
        }

        try
        {
            var number = Util.Parse(input.Trim(), DefaultRegion);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public static bool IsValid(string? input) => ToE164(input) is not null;
}

/// <summary>Addresses on the web that a page may link to or load: absolute http(s), no credentials in them.</summary>
public static class WebAddressRules
{
    public static bool IsValid(string? input, bool httpsOnly = false) =>
        input is not null
        && TextRules.Problem(input, TextRules.WebAddress) is null
        && Uri.TryCreate(input, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (!httpsOnly && uri.Scheme == Uri.UriSchemeHttp))
        && string.IsNullOrEmpty(uri.UserInfo)
        && uri.Host.Length > 0;
}

/// <summary>Brand and calendar colours: six-digit hex, as the colour pickers give them.</summary>
public static partial class ColourRules
{
    public static bool IsValid(string? input) => input is not null && HexColour().IsMatch(input);

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColour();
}

/// <summary>
/// The short names that become a business's address (acme.servicepro.app) and a pack's id: 2–63 lower-case letters,
/// digits or hyphens, starting with a letter, so each is also a valid DNS label.
/// </summary>
public static partial class SlugRules
{
    public static bool IsValid(string? input) => input is not null && SlugPattern().IsMatch(input) && !input.EndsWith('-');

    [GeneratedRegex("^[a-z][a-z0-9-]{1,62}$")]
    private static partial Regex SlugPattern();
}
