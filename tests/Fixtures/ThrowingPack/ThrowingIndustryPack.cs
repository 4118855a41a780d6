using ServicePro.Abstractions;

namespace ServicePro.Fixtures.ThrowingPack;

/// <summary>
/// Test fixture: a pack that fails while being constructed, so the loader tests can check that one broken
/// plugin is reported and skipped without taking the host down. The members below are never reached.
/// </summary>
public sealed class ThrowingIndustryPack : IIndustryPack
{
    public ThrowingIndustryPack() => throw new InvalidOperationException("Throwing pack refuses to start");

    public string Slug => "throwing_pack";

    public string Name => "Throwing Pack";

    public string Description => "Test fixture whose constructor always throws.";

    public string Icon => "bug";

    public IReadOnlyList<ServiceDefinition> DefaultServices => [];

    public IReadOnlyList<IntakeField> IntakeFields => [];

    public WeatherThresholds Weather => new(CancelOnRain: false, CancelOnSnow: false, RainThresholdInches: 0, WindThresholdMph: 0, TempMinF: 0, TempMaxF: 0);

    public SchedulerDefaults Scheduler => new(DefaultBufferMinutes: 0, RequireDeposit: false, DepositPercentage: 0);

    public IReadOnlyDictionary<string, string> SmsTemplates => new Dictionary<string, string>();

    public IReadOnlyDictionary<string, EmailTemplate> EmailTemplates => new Dictionary<string, EmailTemplate>();

    public AiPrompts AiPrompts => new(string.Empty, string.Empty);

    public LoyaltyProgram Loyalty => new(0, []);

    public IReadOnlyDictionary<string, bool> FeatureDefaults => new Dictionary<string, bool>();

    public JobEstimate Estimate(ServiceDefinition service, IntakeAnswers answers) => new(service.PriceMin, service.DurationMinutes, []);
}
