using ServicePro.Host.Persistence;

namespace ServicePro.Host.Technicians;

/// <summary>Someone who does the jobs. May be linked to a staff sign-in so they can see their own calendar.</summary>
public sealed class Technician : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>The staff user this technician signs in as, if any.</summary>
    public Guid? UserId { get; set; }

    /// <summary>Calendar colour, "#rrggbb".</summary>
    public string Color { get; set; } = "#2563eb";

    /// <summary>Where their day starts (a home or the shop), for travel and service-area decisions.</summary>
    public string? HomeBaseAddress { get; set; }

    public double? HomeBaseLat { get; set; }
    public double? HomeBaseLng { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>SHA-256 of the secret in the technician's iCalendar feed URL; the secret itself is shown once.</summary>
    public byte[]? CalendarFeedTokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
