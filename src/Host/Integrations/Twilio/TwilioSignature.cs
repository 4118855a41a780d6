using System.Security.Cryptography;
using System.Text;

namespace ServicePro.Host.Integrations.Twilio;

/// <summary>
/// Checks X-Twilio-Signature on webhooks: Base64(HMAC-SHA1(auth token, URL + every POSTed name and value sorted
/// by name, then value)). The URL is the exact public one Twilio called — built from the configured public base
/// address, never from a proxied Host header — and is accepted as signed as given, without its port, or with
/// the scheme's default port added, because Twilio signs whichever its client saw. Host case is kept as sent.
/// </summary>
public static class TwilioSignature
{
    public const string HeaderName = "X-Twilio-Signature";
    private const string BodyHashParameter = "bodySHA256";

    /// <summary>A form-encoded webhook (the usual case).</summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken))
        {
            return false;
        }

        var sorted = form.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).ToList();
        var presented = Encoding.ASCII.GetBytes(signature);
        var matched = false;
        foreach (var candidate in UrlVariants(url))
        {
            // Every variant is computed and compared in constant time, so timing says nothing about which was close.
            matched |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(authToken, candidate, sorted)), presented);
        }

        return matched;
    }

    /// <summary>A JSON webhook: Twilio signs the URL alone and puts the body's SHA-256 in its bodySHA256 query parameter.</summary>
    public static bool IsValidJson(string authToken, string url, string rawBody, string? signature)
    {
        var expectedHash = QueryValue(url, BodyHashParameter);
        if (expectedHash is null)
        {
            return false;
        }

        var actualHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rawBody)));
        var bodyMatches = CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(actualHash), Encoding.ASCII.GetBytes(expectedHash.ToLowerInvariant()));
        return IsValid(authToken, url, [], signature) & bodyMatches;
    }

    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> sortedForm)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in sortedForm)
        {
            data.Append(name).Append(value);
        }

#pragma warning disable CA5350 // HMAC-SHA1 is what Twilio signs with; we verify, we do not choose.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    /// <summary>The URL as given, without its port, and with the scheme's default port — by hand, because System.Uri would lower-case the host.</summary>
    internal static IEnumerable<string> UrlVariants(string url)
    {
        var variants = new List<string> { url };
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return variants;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url[authorityStart..authorityEnd];
        var hostStart = authority.LastIndexOf('@') + 1;
        var hostAndPort = authority[hostStart..];
        var portColon = hostAndPort.LastIndexOf(':');
        if (portColon > hostAndPort.LastIndexOf(']'))
        {
            variants.Add(url[..(authorityStart + hostStart + portColon)] + url[authorityEnd..]);
        }
        else
        {
            var scheme = url[..schemeEnd];
            var defaultPort = scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? ":443"
                : scheme.Equals("http", StringComparison.OrdinalIgnoreCase) ? ":80" : null;
            if (defaultPort is not null)
            {
                variants.Add(url[..authorityEnd] + defaultPort + url[authorityEnd..]);
            }
        }

        return variants;
    }

    private static string? QueryValue(string url, string name)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return null;
        }

        foreach (var pair in url[(query + 1)..].Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && Uri.UnescapeDataString(pair[..equals]) == name)
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }
}
