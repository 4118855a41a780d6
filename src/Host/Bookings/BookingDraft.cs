namespace ServicePro.Host.Bookings;

/// <summary>A booking to be made.</summary>
/// <param name="Source">"staff", "widget", "assistant" or "series": staff bookings and the occurrences of a series (which staff
/// set up with the customer) are confirmed at once, the others wait for the business.</param>
public sealed record BookingDraft(Guid CustomerId, Guid ServiceId, DateTimeOffset StartsAt, string Source)
{
    /// <summary>The technician asked for; otherwise the first free one who does the service.</summary>
    public Guid? TechnicianId { get; init; }

    public Guid? AssetId { get; init; }
    public IReadOnlyDictionary<string, string>? Answers { get; init; }

    /// <summary>An exact length (staff only); otherwise estimated from the answers or the service's typical length.</summary>
    public int? DurationMinutes { get; init; }

    /// <summary>Where the job is; the customer's address when not given.</summary>
    public string? Address { get; init; }

    public double? Lat { get; init; }
    public double? Lng { get; init; }
    public string? Notes { get; init; }
    public Guid? SeriesId { get; init; }
    public DateOnly? OccurrenceDate { get; init; }

    /// <summary>
    /// The business books a time its own rules would not offer (after hours, outside the technician's shift, inside the
    /// notice, across a buffer or beyond the service area) for a named technician. Owners and admins only. The database
    /// still refuses an overlap with that technician's other bookings: the one rule nobody can waive.
    /// </summary>
    public bool OutsideTheRules { get; init; }

    public static readonly IReadOnlyList<string> Sources = ["staff", "widget", "assistant", "series"];

    /// <summary>Whether the business has already agreed to this booking, so it needs no confirming.</summary>
    public bool ConfirmedAtOnce => Source is "staff" or "series";
}
