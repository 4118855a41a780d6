using ServicePro.Abstractions;

namespace ServicePro.Host.Plugins;

/// <summary>
/// A row of the industry_packs registry (seed §2.1, migration 0003): a snapshot of each pack the host has
/// loaded, so SQL, reports and the admin UI see the same catalog. Rewritten at every start; a pack whose
/// plugin is gone stays, inactive, because tenants may still run on it.
/// </summary>
public sealed class IndustryPackRecord
{
    public Guid Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public string Icon { get; set; } = "";
    public string Version { get; set; } = "";
    public string Source { get; set; } = "";
    public List<ServiceDefinition> DefaultServices { get; set; } = [];
    public List<IntakeField> IntakeFields { get; set; } = [];
    public WeatherThresholds? WeatherThresholds { get; set; }
    public SchedulerDefaults? SchedulerDefaults { get; set; }
    public Dictionary<string, string> SmsTemplates { get; set; } = [];
    public Dictionary<string, EmailTemplate> EmailTemplates { get; set; } = [];
    public AiPrompts? AiPrompts { get; set; }
    public LoyaltyProgram? LoyaltyConfig { get; set; }
    public Dictionary<string, bool> FeatureDefaults { get; set; } = [];
    public bool IsActive { get; set; }
    public int DisplayOrder { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
