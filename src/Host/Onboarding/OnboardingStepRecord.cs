using ServicePro.Host.Persistence;

namespace ServicePro.Host.Onboarding;

public enum OnboardingStepStatus
{
    Pending,
    Completed,
    Skipped,
}

/// <summary>
/// One tenant's progress on one wizard step (the seed's onboarding_progress, one row per step instead of a
/// JSON map, so a skip can be told apart from "not yet"). No row means pending.
/// </summary>
public sealed class OnboardingStepRecord : ITenantOwned
{
    public Guid TenantId { get; set; }
    public required string Step { get; set; }
    public OnboardingStepStatus Status { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
