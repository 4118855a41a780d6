using ServicePro.Abstractions;

namespace ServicePro.Host.Features;

/// <summary>The platform's defaults for every flag (seed §2.1, migration 0002), and what the ROOT tenant turns on.</summary>
public static class PlatformFlags
{
    public static IReadOnlyDictionary<string, bool> Defaults { get; } = new Dictionary<string, bool>
    {
        [FeatureFlags.WhiteLabel] = true,
        [FeatureFlags.Widget] = false,
        [FeatureFlags.GeneratorValidator] = false,
        [FeatureFlags.DocsCms] = false,
        [FeatureFlags.RequirePreflightGreenForLive] = true,
        [FeatureFlags.AiBioCoach] = false,
        [FeatureFlags.OnTheWayPhotos] = false,
        [FeatureFlags.ThirdPartyBilling] = false,
        [FeatureFlags.LoyaltyProgram] = false,
        [FeatureFlags.WeatherRescheduling] = false,
        [FeatureFlags.MultiChannelMessaging] = true,
        [FeatureFlags.RecurringServices] = true,
        [FeatureFlags.Sms] = true,
        [FeatureFlags.AiAssistant] = true,
        [FeatureFlags.OnlinePayments] = true,
        [FeatureFlags.Email] = true,
        [FeatureFlags.CalendarSync] = false,
    };

    /// <summary>Clean Machine's production switches (seed §2.2, migration 0005).</summary>
    public static IReadOnlyDictionary<string, bool> RootOverrides { get; } = new Dictionary<string, bool>
    {
        [FeatureFlags.WhiteLabel] = true,
        [FeatureFlags.AiBioCoach] = true,
        [FeatureFlags.OnTheWayPhotos] = true,
        [FeatureFlags.ThirdPartyBilling] = true,
        [FeatureFlags.LoyaltyProgram] = true,
        [FeatureFlags.WeatherRescheduling] = true,
        [FeatureFlags.MultiChannelMessaging] = true,
        [FeatureFlags.RecurringServices] = true,
        [FeatureFlags.CalendarSync] = true,
    };

    public static bool IsKnown(string flag) => Defaults.ContainsKey(flag);

    /// <summary>Platform defaults, then each layer of overrides in order (pack defaults, tenant choices).</summary>
    public static Dictionary<string, bool> Resolve(params IReadOnlyDictionary<string, bool>[] overrides)
    {
        var flags = new Dictionary<string, bool>(Defaults);
        foreach (var layer in overrides)
        {
            foreach (var (flag, enabled) in layer.Where(kv => IsKnown(kv.Key)))
            {
                flags[flag] = enabled;
            }
        }

        return flags;
    }
}
