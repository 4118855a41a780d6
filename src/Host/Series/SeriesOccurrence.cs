using ServicePro.Host.Bookings;
using ServicePro.Host.Persistence;


namespace ServicePro.Host.Series;

public enum OccurrenceState
{
    Booked,

    /// <summary>The customer or business skipped this one; generation will not bring it back.</summary>
    Skipped,

    /// <summary>Booked, then moved to another time; the booking carries the new time.</summary>
    Moved,

    /// <summary>Could not be booked (technician busy or away); <see cref="SeriesOccurrence.Detail"/> says why.</summary>
    Conflict,
}

/// <summary>What became of one date of a series. Generation reads these, so it is safe to repeat.</summary>
public sealed class SeriesOccurrence : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid SeriesId { get; set; }
    public DateOnly Date { get; set; }
    public OccurrenceState State { get; set; }
    public Guid? BookingId { get; set; }
    public string? Detail { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
