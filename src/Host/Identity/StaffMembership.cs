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

    /// <summary>
    /// Wrong passwords typed at this business's address since the last success or lockout. Lockout is kept here, per
    /// person and business, not on the global user: wrong passwords at one business never lock a person out of another.
    /// </summary>
    public int FailedSignIns { get; set; }

    /// <summary>Until when sign-in at this business is refused for this person, even with the right password.</summary>
    public DateTimeOffset? LockedOutUntil { get; set; }
}
