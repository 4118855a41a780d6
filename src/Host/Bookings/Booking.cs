using ServicePro.Host.Persistence;

namespace ServicePro.Host.Bookings;

/// <summary>Where a booking is in its life. Pending, confirmed and completed bookings hold their technician's time.</summary>
public enum BookingStatus
{
    /// <summary>Asked for, not yet confirmed by the business (or awaiting a deposit).</summary>
    Pending,
    Confirmed,
    Completed,
    Cancelled,
    NoShow,
}

/// <summary>One job at one time with one technician.</summary>
public sealed class Booking : ITenantOwned
{
    /// <summary>The statuses that occupy the technician's time; the database's no-overlap constraint covers exactly these.</summary>
    public static readonly BookingStatus[] HoldingTime = [BookingStatus.Pending, BookingStatus.Confirmed, BookingStatus.Completed];

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public Guid ServiceId { get; set; }
    public Guid TechnicianId { get; set; }
    public Guid? AssetId { get; set; }

    /// <summary>The recurring series this is an occurrence of, and which occurrence (its local date in the series).</summary>
    public Guid? SeriesId { get; set; }

    public DateOnly? OccurrenceDate { get; set; }

    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public BookingStatus Status { get; set; }

    /// <summary>Where the job is done (mobile trades go to the customer).</summary>
    public string? Address { get; set; }

    public double? Lat { get; set; }
    public double? Lng { get; set; }

    /// <summary>The intake answers the job was priced and timed with.</summary>
    public Dictionary<string, string> Answers { get; set; } = [];

    public decimal EstimatedPrice { get; set; }
    public string Notes { get; set; } = "";

    /// <summary>"staff", "widget", "assistant" or "series".</summary>
    public required string Source { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>One of <see cref="CancellationReasons.All"/>.</summary>
    public string? CancellationReason { get; set; }

    /// <summary>What the customer said about cancelling, in their words.</summary>
    public string? CancellationFeedback { get; set; }

    /// <summary>Bumped on every change; a stale write fails instead of overwriting someone else's.</summary>
    /// <summary>The secret in the customer's link to this booking (<see cref="BookingLinks"/>): unguessable, unlike the id.
    /// Null for rows written outside <see cref="BookingService"/> until a link to them is first made.</summary>
    public string? CustomerCode { get; set; }

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
