namespace ServicePro.Host.Bookings;

/// <summary>A booking to be made.</summary>
/// <param name="Source">"staff", "widget", "assistant" or "series": staff bookings are confirmed at once, the others wait for the business.</param>
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

    public static readonly IReadOnlyList<string> Sources = ["staff", "widget", "assistant", "series"];
}
