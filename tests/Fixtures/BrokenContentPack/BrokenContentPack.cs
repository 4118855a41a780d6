using ServicePro.Abstractions;

namespace ServicePro.Fixtures.BrokenContentPack;

/// <summary>
/// Test fixture: a pack whose code loads fine but whose content breaks the host's rules — a negative buffer
/// (which once reached a tenant and made its public availability answer 500), a template that does not parse,
/// one that uses a variable no message has, a missing moment, an inverted price range, a duplicated intake
/// key and a number question whose minimum is above its maximum. The host must refuse it with every reason.
/// </summary>
public sealed class BrokenContentPack : IIndustryPack
{
    public string Slug => "broken_content";

    public string Name => "Broken Content";

    public string Description => "Test fixture whose content breaks the pack rules.";

    public string Icon => "bug";

    public IReadOnlyList<ServiceDefinition> DefaultServices { get; } =
    [
        new("gutter_cleaning", "Gutter Cleaning", "Gutters and downspouts cleared.", 300, 100, 60, 120, IsOutdoor: true),
    ];

    public IReadOnlyList<IntakeField> IntakeFields { get; } =
    [
        new("stories", "Stories", IntakeFieldType.Number, Required: true, Min: 3, Max: 1),
        new("stories", "Stories again", IntakeFieldType.YesNo, Required: false),
    ];

    public WeatherThresholds Weather { get; } = new(CancelOnRain: true, CancelOnSnow: true, RainThresholdInches: 0.2m, WindThresholdMph: 25, TempMinF: 30, TempMaxF: 100);

    public SchedulerDefaults Scheduler { get; } = new(DefaultBufferMinutes: -30, RequireDeposit: false, DepositPercentage: 0);

    public IReadOnlyDictionary<string, string> SmsTemplates { get; } = new Dictionary<string, string>
    {
        [MessageMoments.BookingConfirmation] = "{{ business.name }}: booked for {{ booking.date }. Reply STOP to opt out.",
        [MessageMoments.Reminder] = "{{ business.name }}: see you {{ booking.when }}, {{ customer.nickname }}!",
        [MessageMoments.OnMyWay] = "{{ business.name }}: {{ technician.first_name }} is on the way.",
        [MessageMoments.WeatherReschedule] = "{{ business.name }}: {{ weather.reason }}. {{ reschedule_url }}",
    };

    public IReadOnlyDictionary<string, EmailTemplate> EmailTemplates { get; } = MessageMoments.All.ToDictionary(
        moment => moment, _ => new EmailTemplate("{{ business.name }}", "Hi {{ customer.first_name }}, about {{ booking.service }}."));

    public AiPrompts AiPrompts { get; } = new("You book gutter cleaning.", "Write a short bio.");

    public LoyaltyProgram Loyalty { get; } = new(1, [new("Member", 0, ["Points on every job"])]);

    public IReadOnlyDictionary<string, bool> FeatureDefaults { get; } = new Dictionary<string, bool>();

    public JobEstimate Estimate(ServiceDefinition service, IntakeAnswers answers) => new(service.PriceMin, service.DurationMinutes, []);
}
