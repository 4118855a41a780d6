using ServicePro.Host.Persistence;

namespace ServicePro.Host.Integrations;

public enum IntegrationStatus
{
    NotConfigured,
    Testing,
    Active,
    Failed,
}

/// <summary>
/// The state of one outside service for one tenant (seed §2.1, migration 0002). Holds only non-secret
/// configuration; credentials live in the secrets vault.
/// </summary>
public sealed class TenantIntegration : ITenantOwned
{
    public Guid TenantId { get; set; }
    public required string Provider { get; set; }
    public IntegrationStatus Status { get; set; } = IntegrationStatus.NotConfigured;
    public DateTimeOffset? LastTestedAt { get; set; }

    /// <summary>The last failure in words a business owner understands, never a stack trace or a secret.</summary>
    public string? LastError { get; set; }

    /// <summary>The provider's non-secret field values (phone number, sender address, ...).</summary>
    public Dictionary<string, string> Config { get; set; } = [];

    /// <summary>What the last successful test found (account id, capabilities); read by preflight.</summary>
    public Dictionary<string, string> Findings { get; set; } = [];

    /// <summary>The last test's one-sentence answer, success or not.</summary>
    public string? LastSummary { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
