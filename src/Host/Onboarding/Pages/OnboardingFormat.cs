using System.Globalization;
using ServicePro.Abstractions;
using ServicePro.Host.Admin;

namespace ServicePro.Host.Onboarding.Pages;

/// <summary>How the onboarding pages word statuses, times and provider findings.</summary>
public static class OnboardingFormat
{
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The US time zones offered first, by IANA id; the tenant's own zone is added when it is another.</summary>
    public static IReadOnlyList<(string Id, string Label)> UsTimeZones { get; } =
    [
        ("America/New_York", "Eastern"),
        ("America/Detroit", "Eastern (Michigan)"),
        ("America/Indiana/Indianapolis", "Eastern (Indiana)"),
        ("America/Chicago", "Central"),
        ("America/Denver", "Mountain"),
        ("America/Boise", "Mountain (Idaho)"),
        ("America/Phoenix", "Mountain, no daylight saving (Arizona)"),
        ("America/Los_Angeles", "Pacific"),
        ("America/Anchorage", "Alaska"),
        ("Pacific/Honolulu", "Hawaii"),
        ("America/Puerto_Rico", "Atlantic (Puerto Rico)"),
    ];

    private static readonly Dictionary<string, string> UseCaseLabels = new(StringComparer.Ordinal)
    {
        ["ACCOUNT_NOTIFICATION"] = "Account notifications",
        ["CUSTOMER_CARE"] = "Customer care",
        ["DELIVERY_NOTIFICATION"] = "Delivery notifications",
        ["MARKETING"] = "Marketing",
        ["MIXED"] = "Mixed (confirmations, reminders and replies)",
        ["LOW_VOLUME"] = "Low-volume mixed",
    };

    private static readonly Dictionary<string, string> A2pStepLabels = new(StringComparer.Ordinal)
    {
        ["brand"] = "Brand registration",
        ["messaging_service"] = "Messaging service",
        ["phone_number"] = "Your number in the service",
        ["campaign"] = "Campaign review",
    };

    /// <summary>"Done", "Skipped" or "To do" for a wizard step status.</summary>
    public static string StepStatus(string status) => status switch
    {
        "completed" => "Done",
        "skipped" => "Skipped",
        _ => "To do",
    };

    /// <summary>The badge modifier for a step status.</summary>
    public static string StepTone(string status) => status switch
    {
        "completed" => "ok",
        "skipped" => "warn",
        _ => "muted",
    };

    public static string IntegrationStatus(string status) => status switch
    {
        "active" => "Active",
        "failed" => "Failed",
        "testing" => "Testing…",
        _ => "Not configured",
    };

    public static string IntegrationTone(string status) => status switch
    {
        "active" => "ok",
        "failed" => "bad",
        "testing" => "info",
        _ => "muted",
    };

    public static string UseCase(string useCase) => UseCaseLabels.GetValueOrDefault(useCase, useCase);

    public static string A2pStep(string step) => A2pStepLabels.GetValueOrDefault(step, Words(step));

    /// <summary>"account_status" as "Account status".</summary>
    public static string Words(string key)
    {
        var words = key.Replace('_', ' ').Trim();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>A Twilio status word such as IN_PROGRESS as "In progress".</summary>
    public static string StatusWord(string word) => Words(word.ToLowerInvariant());

    /// <summary>A moment in the business's own time zone, e.g. "May 4, 2026, 2:15 PM".</summary>
    public static string When(DateTimeOffset moment, string timezone)
    {
        var local = TimeZoneInfo.TryFindSystemTimeZoneById(timezone, out var zone) ? TimeZoneInfo.ConvertTime(moment, zone) : moment;
        return local.ToString("MMM d, yyyy, h:mm tt", Us);
    }

    /// <summary>A day in the business's own time zone, e.g. "May 4, 2026".</summary>
    public static string Day(DateTimeOffset moment, string timezone)
    {
        var local = TimeZoneInfo.TryFindSystemTimeZoneById(timezone, out var zone) ? TimeZoneInfo.ConvertTime(moment, zone) : moment;
        return local.ToString("MMMM d, yyyy", Us);
    }

    public static string Iso(DateTimeOffset moment) => moment.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A number for an input's value attribute: always with a dot.</summary>
    public static string Number(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A number typed into a form (dot or, for a European keyboard, comma), or null.</summary>
    public static double? ParseNumber(string? text) =>
        double.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && double.IsFinite(value) ? value : null;

    /// <summary>A few of the pack's services for its card, with their price ranges.</summary>
    public static IEnumerable<ServiceDefinition> Samples(IIndustryPack pack, int count = 4) => pack.DefaultServices.Take(count);

    public static string Weekday(string day) => Words(day);
}
