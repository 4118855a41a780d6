using ServicePro.Host.Persistence;

namespace ServicePro.Host.Identity;

/// <summary>Ordered from most to least powerful.</summary>
public enum StaffRole
{
    Owner,
    Admin,
    Staff,
    Technician,
}

/// <summary>A person's role at one business.</summary>
public sealed class StaffMembership : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public StaffRole Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
