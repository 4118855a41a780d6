using ServicePro.Host.Persistence;

namespace ServicePro.Host.Weather;

public enum WeatherRiskStatus
{
    /// <summary>The forecast breaks the trade's thresholds; the tenant has not acted yet.</summary>
    AtRisk,

    /// <summary>The customer was told and offered the alternatives.</summary>
    Notified,

    /// <summary>The tenant decided to go ahead anyway.</summary>
    Dismissed,

    /// <summary>A later forecast is fine again, or the booking moved or ended.</summary>
    Cleared,
}

/// <summary>A proposed new start for an at-risk booking.</summary>
public sealed record AlternativeSlot(DateTimeOffset StartsAt, Guid TechnicianId);

/// <summary>An upcoming outdoor booking whose forecast breaks its trade's weather thresholds.</summary>
public sealed class WeatherRisk : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid BookingId { get; set; }

    /// <summary>The start the forecast was checked for; a moved booking is checked again.</summary>
    public DateTimeOffset ForStartsAt { get; set; }

    public WeatherRiskStatus Status { get; set; }

    /// <summary>In the owner's words: "Rain 0.30 in (limit 0.10 in) at 10:00".</summary>
    public required string Reason { get; set; }

    public List<AlternativeSlot> Alternatives { get; set; } = [];
    public DateTimeOffset CheckedAt { get; set; }
    public DateTimeOffset? NotifiedAt { get; set; }
}
