using System.Text.RegularExpressions;

namespace ServicePro.Integrations.Stripe;

/// <summary>Stripe key formats: a kind prefix (sk, rk, pk), the mode (test, live), then letters and digits.</summary>
internal static partial class StripeKeys
{
    public const string Test = "test";
    public const string Live = "live";

    /// <summary>The mode of a well-formed key of one of <paramref name="kinds"/>, or null.</summary>
    public static string? ModeOf(string value, params string[] kinds)
    {
        var match = KeyPattern().Match(value);
        return match.Success && kinds.Contains(match.Groups["kind"].Value) ? match.Groups["mode"].Value : null;
    }

    /// <summary>The kind prefix ("sk", "pk", "whsec" ...) a value seems to start with, for telling people which key they pasted.</summary>
    public static string? KindOf(string value)
    {
        var separator = value.IndexOf('_', StringComparison.Ordinal);
        return separator > 0 ? value[..separator] : null;
    }

    public static bool IsWebhookSecret(string value) => WebhookSecretPattern().IsMatch(value);

    // Real keys carry 24 to 100+ characters after the mode; a dozen is a generous floor that still catches truncation.
    [GeneratedRegex("^(?<kind>sk|rk|pk)_(?<mode>test|live)_[A-Za-z0-9]{12,}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^whsec_[A-Za-z0-9+/=]{16,}$")]
    private static partial Regex WebhookSecretPattern();
}
