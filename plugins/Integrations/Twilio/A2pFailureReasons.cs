using System.Globalization;
using System.Text.Json;

namespace ServicePro.Integrations.Twilio;

/// <summary>Why an A2P registration failed, in words a business owner can act on.</summary>
internal static class A2pFailureReasons
{
    public const string MissingTrustHubProfiles =
        "Before we can register your business texting with US carriers, create your Customer Profile and your A2P " +
        "Messaging Profile in Twilio's Trust Hub (Twilio console > Trust Hub), then paste their SIDs (they start with BU) " +
        "into your Twilio settings here.";

    // Carriers' most frequent campaign rejections, with what to change. Twilio's own description comes first.
    private static readonly Dictionary<int, string> CampaignHints = new()
    {
        [30842] = "Describe where and how customers give their number and agree to receive texts.",
        [30831] = "Consent only in your terms or privacy policy does not count: add a separate, unchecked SMS consent checkbox.",
        [30841] = "Make the consent text name your business, the kind and frequency of messages, \"Msg & data rates may apply\", \"Reply STOP to opt out\" and \"Reply HELP for help\".",
        [30893] = "Make the sample messages match the use case, mark variable parts with [brackets], and include your business name and opt-out text in at least one.",
        [30889] = "The \"messages contain phone numbers\" setting must match the sample messages.",
        [30932] = "Your privacy policy must say mobile numbers and consent are not shared with or sold to third parties for marketing.",
    };

    public static string BrandRefused(string twilioMessage) =>
        $"Twilio did not accept your brand registration: {Sentence(twilioMessage)} Check your Trust Hub profiles, then submit again.";

    public static string BrandRejected(string status, string? failureReason) =>
        $"Your brand registration was {Word(status)}{(failureReason is { Length: > 0 } ? ": " + Sentence(failureReason) : ".")} " +
        "Correct your business details in Twilio's Trust Hub and resubmit the brand from the Twilio console.";

    public static string MessagingServiceRefused(string twilioMessage) =>
        $"Twilio could not create a messaging service for your texts: {Sentence(twilioMessage)}";

    public static string NumberNotOnAccount(string phoneNumber) =>
        $"{phoneNumber} is not a number on this Twilio account, so it can't be registered for business texting. Check the phone number in your Twilio settings.";

    public static string NumberRefused(string phoneNumber, string twilioMessage) =>
        $"Twilio could not add {phoneNumber} to your messaging service: {Sentence(twilioMessage)}";

    public static string CampaignRefused(string twilioMessage) =>
        $"Twilio did not accept your texting campaign: {Sentence(twilioMessage)} Correct it and submit again.";

    /// <summary>A campaign carriers reviewed and turned down, from Twilio's <c>errors</c> list.</summary>
    public static string CampaignRejected(string status, IReadOnlyList<JsonElement>? errors)
    {
        var reasons = (errors ?? []).Select(Describe).Where(r => r.Length > 0).ToList();
        return reasons.Count == 0
            ? $"Carriers {Word(status)} your texting campaign. The campaign page in the Twilio console shows why."
            : $"Carriers {Word(status)} your texting campaign: {string.Join(" ", reasons)}";
    }

    public static string Unexplained(string step, string status) =>
        $"The {step.Replace('_', ' ')} registration is {Word(status)}. The Twilio console shows why.";

    private static string Describe(JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object)
        {
            return error.ValueKind == JsonValueKind.String ? Sentence(error.GetString() ?? "") : "";
        }

        var description = Text(error, "description") ?? Text(error, "message") ?? "";
        var code = Number(error, "error_code") ?? Number(error, "code");
        var hint = code is { } c && CampaignHints.TryGetValue(c, out var h) ? h : null;
        return string.Join(" ", new[] { description.Length > 0 ? Sentence(description) : null, hint }.OfType<string>());
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var n) => n,
            JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        } : null;

    // FAILED -> "rejected", SUSPENDED -> "suspended": Twilio's status words, as an owner would say them.
    private static string Word(string status) => status.ToUpperInvariant() switch
    {
        "FAILED" => "rejected",
        var other => other.ToLowerInvariant().Replace('_', ' '),
    };

    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.EndsWith('.') || trimmed.EndsWith('!') || trimmed.EndsWith('?') ? trimmed : trimmed + ".";
    }
}
