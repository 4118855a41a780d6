using ServicePro.Abstractions;

namespace ServicePro.Plugins.AutoDetail;

public sealed class AutoDetailPack : IIndustryPack
{
    public string Slug => "auto_detail";
    public string Name => "Auto Detailing";
    public string Description => "Mobile car washing and detailing services";
    public string Icon => "car";
    public IReadOnlyList<ServiceDefinition> DefaultServices { get; } =
    [
        new("full_detail", "Full Detail", "Interior and exterior", 150, 250, 150, 240, true),
    ];
    public IReadOnlyList<IntakeField> IntakeFields { get; } = [];
    public WeatherThresholds Weather { get; } = new(true, true, 0.1m, 25, 40, 95);
    public SchedulerDefaults Scheduler { get; } = new(30, true, 25);
    public IReadOnlyDictionary<string, string> SmsTemplates { get; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, EmailTemplate> EmailTemplates { get; } = new Dictionary<string, EmailTemplate>();
    public AiPrompts AiPrompts { get; } = new("You are a helpful scheduling assistant.", "Improve this technician bio.");
    public LoyaltyProgram Loyalty { get; } = new(1, [new("Bronze", 0, [])]);
    public IReadOnlyDictionary<string, bool> FeatureDefaults { get; } = new Dictionary<string, bool>();
    public JobEstimate Estimate(ServiceDefinition service, IntakeAnswers answers) => new(service.PriceMin, service.DurationMinutes, []);
}
