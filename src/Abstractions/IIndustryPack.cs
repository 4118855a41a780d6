namespace ServicePro.Abstractions;

/// <summary>
/// A trade's ready-made configuration: what it sells, what a booking must ask, how weather and the
/// scheduler treat it, and what it says to customers. Implemented by industry-pack plugins; the host
/// copies these defaults into a tenant when the tenant is created on the pack.
/// </summary>
public interface IIndustryPack
{
    /// <summary>Stable identifier, lower snake case (e.g. "lawn_care"); also the tenant's industry.</summary>
    string Slug { get; }

    string Name { get; }

    string Description { get; }

    /// <summary>A Lucide icon name for the admin UI.</summary>
    string Icon { get; }

    IReadOnlyList<ServiceDefinition> DefaultServices { get; }

    /// <summary>The questions a booking in this trade must answer before it can be priced and scheduled.</summary>
    IReadOnlyList<IntakeField> IntakeFields { get; }

    WeatherThresholds Weather { get; }

    SchedulerDefaults Scheduler { get; }

    /// <summary>SMS templates keyed by <see cref="MessageMoments"/>; Liquid syntax, e.g. {{ customer.first_name }}.</summary>
    IReadOnlyDictionary<string, string> SmsTemplates { get; }

    /// <summary>Email templates keyed by <see cref="MessageMoments"/>.</summary>
    IReadOnlyDictionary<string, EmailTemplate> EmailTemplates { get; }

    AiPrompts AiPrompts { get; }

    LoyaltyProgram Loyalty { get; }

    /// <summary>Feature flags this trade turns on or off by default (keys from the host's flag list); others keep platform defaults.</summary>
    IReadOnlyDictionary<string, bool> FeatureDefaults { get; }

    /// <summary>
    /// Prices and times one job from the customer's intake answers. Answers have already been checked
    /// against <see cref="IntakeFields"/> by the host. The result stays within the service's ranges.
    /// </summary>
    JobEstimate Estimate(ServiceDefinition service, IntakeAnswers answers);
}
