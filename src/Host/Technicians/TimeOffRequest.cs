using ServicePro.Host.Persistence;

namespace ServicePro.Host.Technicians;

public enum TimeOffStatus
{
    Pending,
    Approved,
    Declined,
    Withdrawn,
}

/// <summary>Paid time off or another absence. Only approved time off keeps jobs away.</summary>
public sealed class TimeOffRequest : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid TechnicianId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string Reason { get; set; } = "";
    public TimeOffStatus Status { get; set; }
    public required string RequestedBy { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
