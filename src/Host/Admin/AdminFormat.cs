using System.Globalization;
using ServicePro.Abstractions;
using ServicePro.Host.Persistence;
using ServicePro.Host.Plugins;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Admin;

/// <summary>How the admin pages write money, durations, statuses and flags.</summary>
public static class AdminFormat
{
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");

    private static readonly Dictionary<string, (string Label, string Description)> Flags = new()
    {
        [FeatureFlags.WhiteLabel] = ("White label", "Customers see the business's own brand."),
        [FeatureFlags.Widget] = ("Booking widget", "A booking widget for the business's own website."),
        [FeatureFlags.GeneratorValidator] = ("Site generator & validator", "Generates and checks the white-label site."),
        [FeatureFlags.DocsCms] = ("Docs CMS", "Help pages the business can edit."),
        [FeatureFlags.RequirePreflightGreenForLive] = ("Preflight before go-live", "Going live needs every preflight check green."),
        [FeatureFlags.AiBioCoach] = ("AI bio coach", "Helps staff write their profile."),
        [FeatureFlags.OnTheWayPhotos] = ("On-the-way photos", "Texts the customer a photo of who is coming."),
        [FeatureFlags.ThirdPartyBilling] = ("Third-party billing", "Someone other than the customer can pay."),
        [FeatureFlags.LoyaltyProgram] = ("Loyalty program", "Customers earn points on every job."),
        [FeatureFlags.WeatherRescheduling] = ("Weather rescheduling", "Moves outdoor jobs when the forecast is bad."),
        [FeatureFlags.MultiChannelMessaging] = ("Multi-channel messaging", "SMS, email and chat in one inbox."),
        [FeatureFlags.RecurringServices] = ("Recurring services", "Repeat bookings on a schedule."),
        [FeatureFlags.Sms] = ("Text messages", "Confirmations, reminders and replies by SMS (needs Twilio and A2P)."),
        [FeatureFlags.AiAssistant] = ("AI assistant", "Answers and books in chat and SMS (needs OpenAI)."),
        [FeatureFlags.OnlinePayments] = ("Online payments", "Deposits and invoices paid by card (needs Stripe)."),
        [FeatureFlags.Email] = ("Email", "Confirmations and receipts by email (needs SendGrid)."),
        [FeatureFlags.CalendarSync] = ("Calendar sync", "Jobs appear in Google Calendar (needs Google)."),
    };

    /// <summary>"$150", "$1,250.50".</summary>
    public static string Money(decimal amount) =>
        amount.ToString(decimal.Truncate(amount) == amount ? "$#,0" : "$#,0.00", Us);

    /// <summary>"$150–$250", or "$150" when the range is one price.</summary>
    public static string PriceRange(decimal min, decimal max) =>
        max > min ? $"{Money(min)}–{Money(max)}" : Money(min);

    /// <summary>"45 min", "2 h", "2 h 30 min".</summary>
    public static string Duration(int minutes)
    {
        var hours = minutes / 60;
        var rest = minutes % 60;
        return (hours, rest) switch
        {
            (0, _) => $"{rest} min",
            (_, 0) => $"{hours} h",
            _ => $"{hours} h {rest} min",
        };
    }

    /// <summary>"2 h 30 min", or "2 h – 4 h" when a job can run longer.</summary>
    public static string DurationRange(int minutes, int maxMinutes) =>
        maxMinutes > minutes ? $"{Duration(minutes)} – {Duration(maxMinutes)}" : Duration(minutes);

    /// <summary>A percentage for an inline style, always with a dot.</summary>
    public static string Percent(double value) => Math.Clamp(value, 0, 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Status(TenantStatus status) => SnakeCaseEnum.ToName(status);

    public static string Status(PluginStatus status) => SnakeCaseEnum.ToName(status);

    /// <summary>The badge modifier for a status word: ok, warn, bad, info or muted.</summary>
    public static string Tone(TenantStatus status) => status switch
    {
        TenantStatus.Active => "ok",
        TenantStatus.Onboarding => "info",
        TenantStatus.Pending => "muted",
        TenantStatus.Suspended => "bad",
        _ => "muted",
    };

    public static string Tone(PluginStatus status) => status switch
    {
        PluginStatus.Loaded => "ok",
        PluginStatus.Unsupported => "warn",
        PluginStatus.Duplicate => "warn",
        _ => "bad",
    };

    public static string FlagLabel(string flag) => Flags.TryGetValue(flag, out var f) ? f.Label : flag;

    public static string FlagDescription(string flag) => Flags.TryGetValue(flag, out var f) ? f.Description : "";

    /// <summary>The industry pack's display name, or its slug when the pack is not loaded.</summary>
    public static string Industry(PluginCatalog plugins, string slug) => plugins.FindPack(slug)?.Name ?? slug;

    /// <summary>Only http(s) and site-relative logo addresses are shown.</summary>
    public static string? SafeImageUrl(string? url) =>
        url is null ? null
        : url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
          || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
          || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)) ? url
        : null;
}
