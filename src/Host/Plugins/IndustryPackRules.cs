using System.Text.RegularExpressions;
using ServicePro.Abstractions;
using ServicePro.Host.Catalog;
using ServicePro.Host.Messaging;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Plugins;

/// <summary>
/// What the host insists on before it trusts a pack's content enough to seed tenants from it. The one list of
/// rules: the catalog runs it on every pack it loads (a pack that breaks one is <c>failed</c>), and
/// <c>plugins check</c> runs it for a partner before the pack is deployed. Each problem is a sentence a partner
/// can act on; every broken rule is reported, not just the first. The ranges are the ones a business's own
/// settings are held to, so a pack can't seed a tenant with values the tenant could not have typed.
/// </summary>
public static partial class IndustryPackRules
{
    public const int MaxServices = 50;
    public const int MaxIntakeFields = 30;
    public const int MaxSmsLength = 1600; // what one SMS send accepts, in segments joined by the carrier
    public const int MaxTextLength = 20_000; // descriptions, prompts and email bodies

    public static IReadOnlyList<string> Check(IIndustryPack pack, string manifestId)
    {
        var problems = new List<string>();
        CheckIdentity(pack, manifestId, problems);
        CheckServices(pack.DefaultServices, problems);
        CheckIntakeFields(pack.IntakeFields, problems);
        CheckWeather(pack.Weather, problems);
        CheckScheduler(pack.Scheduler, problems);
        CheckTemplates(pack, problems);
        CheckPrompts(pack.AiPrompts, problems);
        CheckLoyalty(pack.Loyalty, problems);
        foreach (var flag in (pack.FeatureDefaults ?? new Dictionary<string, bool>()).Keys.Where(k => !Features.PlatformFlags.Defaults.ContainsKey(k)))
        {
            problems.Add($"Feature default '{flag}' is not a flag this host knows (see FeatureFlags).");
        }

        return problems;
    }

    private static void CheckIdentity(IIndustryPack pack, string manifestId, List<string> problems)
    {
        if (pack.Slug != manifestId)
        {
            problems.Add($"Pack slug '{pack.Slug}' differs from manifest id '{manifestId}'.");
        }

        if (pack.Slug is null || !SlugPattern().IsMatch(pack.Slug))
        {
            problems.Add($"Pack slug '{pack.Slug}' must be lower snake case, 2 to 100 characters.");
        }

        if (string.IsNullOrWhiteSpace(pack.Name) || pack.Name.Length > 255)
        {
            problems.Add("The pack needs a name of up to 255 characters.");
        }

        if (pack.Description is null || pack.Description.Length > MaxTextLength)
        {
            problems.Add($"The pack needs a description of up to {MaxTextLength:N0} characters.");
        }

        if (pack.Icon is null || pack.Icon.Length > 50)
        {
            problems.Add("The pack's icon must be a Lucide icon name of up to 50 characters.");
        }
    }

    private static void CheckServices(IReadOnlyList<ServiceDefinition>? services, List<string> problems)
    {
        if (services is null or { Count: 0 })
        {
            problems.Add("A pack must offer at least one service.");
            return;
        }

        if (services.Count > MaxServices)
        {
            problems.Add($"A pack may offer at most {MaxServices} services; this one offers {services.Count}.");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (s, i) in services.Select((s, i) => (s, i + 1)))
        {
            if (s is null)
            {
                problems.Add($"Service {i} is missing.");
                continue;
            }

            var label = string.IsNullOrWhiteSpace(s.Name) ? $"Service {i}" : $"Service '{s.Name}'";
            if (s.Key is null || !KeyPattern().IsMatch(s.Key))
            {
                problems.Add($"{label} needs a lower snake case key.");
            }
            else if (!keys.Add(s.Key))
            {
                problems.Add($"{label}: the key '{s.Key}' is used by another service.");
            }

            if (string.IsNullOrWhiteSpace(s.Name) || s.Name.Length > ContentLimits.MaxServiceNameLength)
            {
                problems.Add($"{label} needs a name of up to {ContentLimits.MaxServiceNameLength} characters.");
            }
            else if (!names.Add(s.Name))
            {
                problems.Add($"{label}: service names must be unique within a pack.");
            }

            if (s.Description is null || s.Description.Length > MaxTextLength)
            {
                problems.Add($"{label} needs a description of up to {MaxTextLength:N0} characters.");
            }

            if (s.PriceMin < 0 || s.PriceMax > ContentLimits.MaxPrice)
            {
                problems.Add($"{label}: prices must be between 0 and {ContentLimits.MaxPrice:N0} (got {s.PriceMin} to {s.PriceMax}).");
            }

            if (s.PriceMin > s.PriceMax)
            {
                problems.Add($"{label}: the lowest price ({s.PriceMin}) is above the highest ({s.PriceMax}).");
            }

            if (s.DurationMinutes < ContentLimits.MinDurationMinutes || s.MaxDurationMinutes > ContentLimits.MaxDurationMinutes)
            {
                problems.Add($"{label}: durations must be {ContentLimits.MinDurationMinutes} to {ContentLimits.MaxDurationMinutes} minutes "
                    + $"(got {s.DurationMinutes} to {s.MaxDurationMinutes}).");
            }

            if (s.DurationMinutes > s.MaxDurationMinutes)
            {
                problems.Add($"{label}: the typical duration ({s.DurationMinutes} min) is longer than the longest ({s.MaxDurationMinutes} min).");
            }
        }
    }

    private static void CheckIntakeFields(IReadOnlyList<IntakeField>? fields, List<string> problems)
    {
        if (fields is null)
        {
            problems.Add("The pack's intake questions are missing (return an empty list for none).");
            return;
        }

        if (fields.Count > MaxIntakeFields)
        {
            problems.Add($"A pack may ask at most {MaxIntakeFields} intake questions; this one asks {fields.Count}.");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, i) in fields.Select((f, i) => (f, i + 1)))
        {
            if (field is null)
            {
                problems.Add($"Intake question {i} is missing.");
                continue;
            }

            var label = field.Key is null ? $"Intake question {i}" : $"Intake question '{field.Key}'";
            if (field.Key is null || !KeyPattern().IsMatch(field.Key))
            {
                problems.Add($"{label} needs a lower snake case key.");
            }
            else if (!keys.Add(field.Key))
            {
                problems.Add($"{label}: the key is used by another question; keys must be unique.");
            }

            if (string.IsNullOrWhiteSpace(field.Label))
            {
                problems.Add($"{label} needs a label customers can read.");
            }

            if (!Enum.IsDefined(field.Type))
            {
                problems.Add($"{label} has an unknown type ({(int)field.Type}).");
            }

            if (field.Type == IntakeFieldType.Choice)
            {
                if (field.Options is null or { Count: 0 })
                {
                    problems.Add($"{label} is a choice without options.");
                }
                else if (field.Options.Any(o => o is null || string.IsNullOrWhiteSpace(o.Value) || string.IsNullOrWhiteSpace(o.Label)))
                {
                    problems.Add($"{label}: every option needs a value and a label.");
                }
                else if (field.Options.Select(o => o.Value).Distinct(StringComparer.Ordinal).Count() != field.Options.Count)
                {
                    problems.Add($"{label}: option values must be unique.");
                }
            }

            if (field.Min is { } min && field.Max is { } max && min > max)
            {
                problems.Add($"{label}: the smallest answer ({min}) is above the largest ({max}).");
            }
        }
    }

    private static void CheckWeather(WeatherThresholds? weather, List<string> problems)
    {
        if (weather is null)
        {
            problems.Add("The pack's weather thresholds are missing.");
            return;
        }

        if (weather.RainThresholdInches is < 0 or > 20)
        {
            problems.Add($"The rain threshold must be 0 to 20 inches (got {weather.RainThresholdInches}).");
        }

        if (weather.WindThresholdMph is < 0 or > 200)
        {
            problems.Add($"The wind threshold must be 0 to 200 mph (got {weather.WindThresholdMph}).");
        }

        if (weather.TempMinF is < -80 or > 150 || weather.TempMaxF is < -80 or > 150)
        {
            problems.Add($"Temperature limits must be between -80 and 150 °F (got {weather.TempMinF} to {weather.TempMaxF}).");
        }

        if (weather.TempMinF >= weather.TempMaxF)
        {
            problems.Add($"The lowest workable temperature ({weather.TempMinF} °F) must be below the highest ({weather.TempMaxF} °F).");
        }
    }

    private static void CheckScheduler(SchedulerDefaults? scheduler, List<string> problems)
    {
        if (scheduler is null)
        {
            problems.Add("The pack's scheduler defaults are missing.");
            return;
        }

        if (scheduler.DefaultBufferMinutes is < 0 or > ContentLimits.MaxBufferMinutes)
        {
            problems.Add($"The buffer between jobs must be 0 to {ContentLimits.MaxBufferMinutes} minutes (got {scheduler.DefaultBufferMinutes}).");
        }

        if (scheduler.DepositPercentage is < 0 or > 100)
        {
            problems.Add($"The deposit must be 0 to 100 percent (got {scheduler.DepositPercentage}).");
        }
        else if (scheduler.RequireDeposit && scheduler.DepositPercentage == 0)
        {
            problems.Add("The pack requires a deposit of 0 percent; give a percentage or don't require one.");
        }
    }

    private static void CheckTemplates(IIndustryPack pack, List<string> problems)
    {
        var sms = pack.SmsTemplates ?? new Dictionary<string, string>();
        var email = pack.EmailTemplates ?? new Dictionary<string, EmailTemplate>();
        foreach (var moment in MessageMoments.All)
        {
            if (!sms.TryGetValue(moment, out var text) || string.IsNullOrWhiteSpace(text))
            {
                problems.Add($"There is no SMS template for '{moment}'.");
            }
            else
            {
                CheckTemplate($"The SMS template for '{moment}'", text, MaxSmsLength, problems);
            }

            if (!email.TryGetValue(moment, out var mail) || mail is null || string.IsNullOrWhiteSpace(mail.Subject) || string.IsNullOrWhiteSpace(mail.Body))
            {
                problems.Add($"There is no email template (subject and body) for '{moment}'.");
            }
            else
            {
                CheckTemplate($"The email subject for '{moment}'", mail.Subject, 255, problems);
                CheckTemplate($"The email body for '{moment}'", mail.Body, MaxTextLength, problems);
            }
        }

        foreach (var key in sms.Keys.Concat(email.Keys).Distinct(StringComparer.Ordinal).Where(k => !MessageMoments.All.Contains(k)))
        {
            problems.Add($"'{key}' is not a message moment (use the names in MessageMoments).");
        }
    }

    private static void CheckTemplate(string what, string template, int maxLength, List<string> problems)
    {
        if (template.Length > maxLength)
        {
            problems.Add($"{what} is {template.Length:N0} characters long; the limit is {maxLength:N0}.");
        }
        else if (MessageRenderer.Check(template) is { } problem)
        {
            problems.Add($"{what}: {problem}");
        }
    }

    private static void CheckPrompts(AiPrompts? prompts, List<string> problems)
    {
        if (prompts is null || string.IsNullOrWhiteSpace(prompts.SystemPrompt) || string.IsNullOrWhiteSpace(prompts.BioCoachPrompt))
        {
            problems.Add("The pack needs both AI prompts (the assistant's and the bio coach's).");
        }
        else if (prompts.SystemPrompt.Length > MaxTextLength || prompts.BioCoachPrompt.Length > MaxTextLength)
        {
            problems.Add($"AI prompts may be at most {MaxTextLength:N0} characters.");
        }
    }

    private static void CheckLoyalty(LoyaltyProgram? loyalty, List<string> problems)
    {
        if (loyalty is null || loyalty.Tiers is null)
        {
            problems.Add("The pack's loyalty program is missing.");
            return;
        }

        if (loyalty.PointsPerDollar is < 0 or > 100)
        {
            problems.Add($"Loyalty points per dollar must be 0 to 100 (got {loyalty.PointsPerDollar}).");
        }

        if (loyalty.Tiers.Any(t => t is null || string.IsNullOrWhiteSpace(t.Name) || t.Benefits is null))
        {
            problems.Add("Every loyalty tier needs a name and a list of benefits.");
            return;
        }

        if (loyalty.Tiers.Count > 0 && loyalty.Tiers[0].MinPoints != 0)
        {
            problems.Add("The first loyalty tier must start at 0 points.");
        }

        if (loyalty.Tiers.Zip(loyalty.Tiers.Skip(1)).Any(pair => pair.Second.MinPoints <= pair.First.MinPoints))
        {
            problems.Add("Loyalty tiers must be listed from fewest to most points, each needing more than the one before.");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{1,99}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,99}$")]
    private static partial Regex KeyPattern();
}
