using System.Text.RegularExpressions;
using ServicePro.Abstractions;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Onboarding;

/// <summary>
/// Writes a first A2P campaign from what the platform already knows: the brand, its trade (the pack's own
/// SMS templates become the samples) and its public site. The owner reviews and edits before submitting;
/// the wording follows what carriers reject most (no described opt-in, samples without brand or opt-out).
/// </summary>
public static partial class A2pDrafter
{
    public static A2pCampaignDraft Draft(Tenant tenant, IIndustryPack pack, string publicSite)
    {
        var brand = tenant.BrandName;
        var trade = pack.Name.ToLowerInvariant();
        var contact = string.Join(" or ", new[] { tenant.Phone, tenant.Email }.Where(c => !string.IsNullOrWhiteSpace(c)));
        var samples = new[] { MessageMoments.BookingConfirmation, MessageMoments.Reminder, MessageMoments.OnMyWay }
            .Where(pack.SmsTemplates.ContainsKey)
            .Select(moment => Sample(pack.SmsTemplates[moment], tenant, publicSite))
            .ToList();
        if (!samples.Any(s => s.Contains("STOP", StringComparison.Ordinal)))
        {
            samples[0] += " Reply STOP to opt out.";
        }

        return new A2pCampaignDraft
        {
            UseCase = "MIXED",
            Description =
                $"{brand} is a {trade} business. We text customers who booked with us or asked us a question: booking " +
                "confirmations, appointment reminders, on-the-way notices when a technician is heading to them, weather " +
                "reschedules, and replies to their own questions. We do not send marketing messages.",
            MessageFlow =
                $"Customers opt in when they book online at {publicSite}/book: the booking form has an SMS consent checkbox, " +
                $"unchecked by default and not required to book, reading \"I agree to receive appointment texts from {brand}. " +
                "Msg frequency varies. Msg & data rates may apply. Reply STOP to opt out, HELP for help.\" Customers who book " +
                "by phone are asked for verbal consent, which staff record. The first text confirms the opt-in. " +
                $"Privacy policy: {publicSite}/privacy. Terms: {publicSite}/terms.",
            MessageSamples = samples,
            HasEmbeddedLinks = samples.Any(s => LinkPattern().IsMatch(s)),
            HasEmbeddedPhone = samples.Any(s => A2pRules.PhonePattern().IsMatch(s)),
            OptInMessage = $"{brand}: You're subscribed to appointment texts. Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to opt out.",
            OptOutMessage = $"{brand}: You're unsubscribed and will get no more texts from us. Reply START to subscribe again.",
            HelpMessage = $"{brand}: For help, contact us at {(contact.Length > 0 ? contact : publicSite)}. Msg & data rates may apply. Reply STOP to opt out.",
            PrivacyPolicyUrl = $"{publicSite}/privacy",
            TermsUrl = $"{publicSite}/terms",
        };
    }

    /// <summary>A pack template with the business's own facts filled in and the customer's marked as [variables].</summary>
    private static string Sample(string template, Tenant tenant, string publicSite) =>
        VariablePattern().Replace(template, match => match.Groups[1].Value switch
        {
            "business.name" => tenant.BrandName,
            "business.phone" => tenant.Phone ?? "[business phone]",
            "reschedule_url" => $"{publicSite}/b/[booking code]",
            "review_url" => $"{publicSite}/review/[booking code]",
            var name => $"[{name[(name.LastIndexOf('.') + 1)..].Replace('_', ' ')}]",
        });

    [GeneratedRegex(@"\{\{\s*([a-z_.]+)\s*\}\}")]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"https?://", RegexOptions.IgnoreCase)]
    internal static partial Regex LinkPattern();
}
