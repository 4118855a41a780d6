using System.Collections.ObjectModel;
using ServicePro.Abstractions;

namespace ServicePro.Host.Plugins;

/// <summary>
/// A loaded industry pack as the rest of the host sees it. Its content is read from the plugin once, when it is
/// loaded, and kept: the rules (<see cref="IndustryPackRules"/>) check exactly what tenants will be seeded from,
/// and a getter that throws or answers differently later can't reach a request. The estimator, the one piece of
/// pack code that runs per request, goes through the pack's <see cref="PackGuard"/>.
/// </summary>
public sealed class GuardedPack : IIndustryPack
{
    private readonly PackGuard _guard;

    /// <summary>Reads the pack's content; whatever the pack throws here fails the load, with its reason.</summary>
    public GuardedPack(IIndustryPack implementation, PackGuard guard)
    {
        Implementation = implementation;
        _guard = guard;
        Slug = implementation.Slug;
        Name = implementation.Name;
        Description = implementation.Description;
        Icon = implementation.Icon;
        DefaultServices = Freeze(implementation.DefaultServices);
        IntakeFields = Freeze(implementation.IntakeFields);
        Weather = implementation.Weather;
        Scheduler = implementation.Scheduler;
        SmsTemplates = Freeze(implementation.SmsTemplates);
        EmailTemplates = Freeze(implementation.EmailTemplates);
        AiPrompts = implementation.AiPrompts;
        Loyalty = implementation.Loyalty;
        FeatureDefaults = Freeze(implementation.FeatureDefaults);
    }

    /// <summary>The plugin's own object, in its own load context (for diagnostics and the isolation tests).</summary>
    public IIndustryPack Implementation { get; }

    public string Slug { get; }
    public string Name { get; }
    public string Description { get; }
    public string Icon { get; }
    public IReadOnlyList<ServiceDefinition> DefaultServices { get; }
    public IReadOnlyList<IntakeField> IntakeFields { get; }
    public WeatherThresholds Weather { get; }
    public SchedulerDefaults Scheduler { get; }
    public IReadOnlyDictionary<string, string> SmsTemplates { get; }
    public IReadOnlyDictionary<string, EmailTemplate> EmailTemplates { get; }
    public AiPrompts AiPrompts { get; }
    public LoyaltyProgram Loyalty { get; }
    public IReadOnlyDictionary<string, bool> FeatureDefaults { get; }

    /// <summary>The pack's estimate; throws <see cref="PackFaultException"/> when the pack's code fails or answers nothing.</summary>
    public JobEstimate Estimate(ServiceDefinition service, IntakeAnswers answers) =>
        _guard.Run(nameof(Estimate), () => EstimateOrFail(service, answers));

    private JobEstimate EstimateOrFail(ServiceDefinition service, IntakeAnswers answers) =>
        Implementation.Estimate(service, answers) is { Adjustments: not null } estimate
            ? estimate
            : throw new InvalidOperationException("The estimator returned no estimate (or no list of adjustments).");

    // A null stays null so the rules can say what is missing instead of failing on it.
    private static ReadOnlyCollection<T> Freeze<T>(IReadOnlyList<T>? items) => items is null ? null! : new List<T>(items).AsReadOnly();

    private static ReadOnlyDictionary<string, T> Freeze<T>(IReadOnlyDictionary<string, T>? items) =>
        items is null ? null! : new Dictionary<string, T>(items, StringComparer.Ordinal).AsReadOnly();
}
