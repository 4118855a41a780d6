using ServicePro.Abstractions;

namespace ServicePro.Fixtures.FaultyEstimatorPack;

/// <summary>
/// Test fixture: a pack with good content whose estimator throws for some answers (a bug a partner could ship),
/// so the tests can check that the caller gets a clear problem, the fault is counted on the pack's status, and
/// nothing becomes a 500. Answers without "pool" estimate normally.
/// </summary>
public sealed class FaultyEstimatorPack : IIndustryPack
{
    public string Slug => "faulty_estimator";

    public string Name => "Faulty Estimator";

    public string Description => "Test fixture whose estimator throws when asked about a pool.";

    public string Icon => "bug";

    public IReadOnlyList<ServiceDefinition> DefaultServices { get; } =
    [
        new("yard_cleanup", "Yard Cleanup", "Leaves, branches and debris hauled away.", 100, 300, 60, 180, IsOutdoor: true),
    ];

    public IReadOnlyList<IntakeField> IntakeFields { get; } =
    [
        new("pool", "Is there a pool?", IntakeFieldType.YesNo, Required: false),
    ];

    public WeatherThresholds Weather { get; } = new(CancelOnRain: true, CancelOnSnow: true, RainThresholdInches: 0.2m, WindThresholdMph: 25, TempMinF: 30, TempMaxF: 100);

    public SchedulerDefaults Scheduler { get; } = new(DefaultBufferMinutes: 15, RequireDeposit: false, DepositPercentage: 0);

    public IReadOnlyDictionary<string, string> SmsTemplates { get; } = MessageMoments.All.ToDictionary(
        moment => moment, _ => "{{ business.name }}: about your {{ booking.service }} on {{ booking.date }}. Reply STOP to opt out.");

    public IReadOnlyDictionary<string, EmailTemplate> EmailTemplates { get; } = MessageMoments.All.ToDictionary(
        moment => moment, _ => new EmailTemplate("{{ business.name }}", "Hi {{ customer.first_name }}, about {{ booking.service }}."));

    public AiPrompts AiPrompts { get; } = new("You book yard cleanups.", "Write a short bio.");

    public LoyaltyProgram Loyalty { get; } = new(1, [new("Member", 0, ["Points on every job"])]);

    public IReadOnlyDictionary<string, bool> FeatureDefaults { get; } = new Dictionary<string, bool>();

    public JobEstimate Estimate(ServiceDefinition service, IntakeAnswers answers) =>
        answers.YesNo("pool")
            ? throw new InvalidOperationException("No price list for pools yet")
            : new(service.PriceMin, service.DurationMinutes, []);
}
