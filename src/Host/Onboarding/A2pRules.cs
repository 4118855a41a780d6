using System.Text.RegularExpressions;

namespace ServicePro.Host.Onboarding;

/// <summary>
/// Twilio's length limits for a US A2P campaign plus the content checks behind the most frequent carrier
/// rejections (error codes in the messages), run before anything is submitted.
/// </summary>
public static partial class A2pRules
{
    public static readonly IReadOnlyList<string> UseCases =
        ["ACCOUNT_NOTIFICATION", "CUSTOMER_CARE", "DELIVERY_NOTIFICATION", "MARKETING", "MIXED", "LOW_VOLUME"];

    private static readonly string[] LinkShorteners =
        ["bit.ly", "tinyurl.com", "goo.gl", "t.co", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly", "shorturl.at"];

    /// <summary>
    /// What makes a campaign unsavable rather than merely not ready: a missing text (JSON null) or a NUL character, which
    /// PostgreSQL refuses. Keyed like <see cref="Check"/>; empty when the campaign can be saved (and then checked).
    /// </summary>
    public static Dictionary<string, string[]> CheckShape(A2pCampaignDraft c)
    {
        var problems = new Dictionary<string, string[]>();
        void Text(string? value, string field)
        {
            if (value is null)
            {
                problems[field] = ["Give a text here (it may be empty while you draft)."];
            }
            else if (value.Contains('\0', StringComparison.Ordinal))
            {
                problems[field] = ["Remove the NUL character from this text."];
            }
        }

        Text(c.UseCase, "useCase");
        Text(c.Description, "description");
        Text(c.MessageFlow, "messageFlow");
        Text(c.OptInMessage, "optInMessage");
        Text(c.OptOutMessage, "optOutMessage");
        Text(c.HelpMessage, "helpMessage");
        if (c.PrivacyPolicyUrl is not null)
        {
            Text(c.PrivacyPolicyUrl, "privacyPolicyUrl");
        }

        if (c.TermsUrl is not null)
        {
            Text(c.TermsUrl, "termsUrl");
        }

        if (c.MessageSamples is null)
        {
            problems["messageSamples"] = ["Give a list of sample messages."];
        }
        else
        {
            for (var i = 0; i < c.MessageSamples.Count; i++)
            {
                Text(c.MessageSamples[i], $"messageSamples[{i}]");
            }
        }

        return problems;
    }

    /// <summary>Problems keyed by field ("messageSamples[1]"); empty when the campaign can be submitted.</summary>
    public static Dictionary<string, string[]> Check(A2pCampaignDraft c, string brandName)
    {
        var problems = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!problems.TryGetValue(field, out var list))
            {
                problems[field] = list = [];
            }

            list.Add(message);
        }

        if (!UseCases.Contains(c.UseCase))
        {
            Add("useCase", $"Choose one of {string.Join(", ", UseCases)}.");
        }

        Length(c.Description, 40, 4096, "description", "The campaign description", Add);
        Length(c.MessageFlow, 40, 2048, "messageFlow", "The message flow", Add);
        if (!ConsentPattern().IsMatch(c.MessageFlow))
        {
            Add("messageFlow", "Say how customers opt in (for example the consent checkbox on your booking form); carriers reject campaigns without it (30842).");
        }

        if (c.MessageSamples.Count is < 2 or > 5)
        {
            Add("messageSamples", "Give 2 to 5 sample messages.");
        }

        for (var i = 0; i < c.MessageSamples.Count; i++)
        {
            var sample = c.MessageSamples[i];
            Length(sample, 20, 1024, $"messageSamples[{i}]", $"Sample {i + 1}", Add);
            if (sample.Contains("{{", StringComparison.Ordinal) || sample.Contains("}}", StringComparison.Ordinal))
            {
                Add($"messageSamples[{i}]", $"Sample {i + 1}: mark variables with [brackets], e.g. [first name] (30893).");
            }

            if (LinkShorteners.FirstOrDefault(s => sample.Contains(s, StringComparison.OrdinalIgnoreCase)) is { } shortener)
            {
                Add($"messageSamples[{i}]", $"Sample {i + 1}: carriers block public link shorteners such as {shortener}; use your own domain.");
            }
        }

        if (c.MessageSamples.Count > 0)
        {
            if (!c.MessageSamples.Any(s => s.Contains(brandName, StringComparison.OrdinalIgnoreCase)))
            {
                Add("messageSamples", $"At least one sample must name your brand, {brandName} (30893).");
            }

            if (!c.MessageSamples.Any(s => s.Contains("STOP", StringComparison.Ordinal)))
            {
                Add("messageSamples", "At least one sample must tell customers how to opt out, e.g. \"Reply STOP to opt out\" (30893).");
            }

            var hasLinks = c.MessageSamples.Any(s => A2pDrafter.LinkPattern().IsMatch(s));
            if (hasLinks != c.HasEmbeddedLinks)
            {
                Add("hasEmbeddedLinks", hasLinks ? "Your samples contain links: tick \"messages contain links\"." : "None of your samples contain a link: untick \"messages contain links\".");
            }

            var hasPhone = c.MessageSamples.Any(s => PhonePattern().IsMatch(s));
            if (hasPhone != c.HasEmbeddedPhone)
            {
                Add("hasEmbeddedPhone", hasPhone
                    ? "Your samples contain a phone number: tick \"messages contain phone numbers\" (30889)."
                    : "None of your samples contain a phone number: untick \"messages contain phone numbers\" (30889).");
            }
        }

        Length(c.OptInMessage, 20, 320, "optInMessage", "The opt-in confirmation", Add);
        Length(c.OptOutMessage, 20, 320, "optOutMessage", "The opt-out confirmation", Add);
        Length(c.HelpMessage, 20, 320, "helpMessage", "The help reply", Add);
        if (!c.OptInMessage.Contains("STOP", StringComparison.Ordinal) || !c.OptInMessage.Contains("HELP", StringComparison.Ordinal))
        {
            Add("optInMessage", "The opt-in confirmation must say \"Reply STOP to opt out\" and \"HELP for help\".");
        }

        if (!c.OptInMessage.Contains("rates may apply", StringComparison.OrdinalIgnoreCase))
        {
            Add("optInMessage", "The opt-in confirmation must say \"Msg & data rates may apply\".");
        }

        foreach (var (field, text) in new[] { ("optInMessage", c.OptInMessage), ("optOutMessage", c.OptOutMessage), ("helpMessage", c.HelpMessage) })
        {
            if (!text.Contains(brandName, StringComparison.OrdinalIgnoreCase))
            {
                Add(field, $"Name your brand, {brandName}, so customers know who is texting.");
            }
        }

        foreach (var (field, url) in new[] { ("privacyPolicyUrl", c.PrivacyPolicyUrl), ("termsUrl", c.TermsUrl) })
        {
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
            {
                Add(field, "Use a public https address.");
            }
        }

        return problems.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    private static void Length(string value, int min, int max, string field, string label, Action<string, string> add)
    {
        if (value.Length < min || value.Length > max)
        {
            add(field, $"{label} must be {min}–{max} characters; it is {value.Length}.");
        }
    }

    [GeneratedRegex(@"\bconsent|opt[ -]?in|check(box|s|ing)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConsentPattern();

    [GeneratedRegex(@"(\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}")]
    internal static partial Regex PhonePattern();
}
