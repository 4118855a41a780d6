using ServicePro.Host.Bookings;
using ServicePro.Host.Persistence;


namespace ServicePro.Host.Series;

public enum RecurrenceKind
{
    /// <summary>On <see cref="RecurrencePattern.Weekdays"/> every <see cref="RecurrencePattern.IntervalWeeks"/> weeks.</summary>
    Weekly,

    /// <summary>On day <see cref="RecurrencePattern.DayOfMonth"/> of every month (the last day in shorter months).</summary>
    MonthlyByDay,

    /// <summary>On the <see cref="RecurrencePattern.WeekOfMonth"/>th <see cref="RecurrencePattern.Weekday"/> (−1 = last).</summary>
    MonthlyByWeekday,

    /// <summary>On exactly <see cref="RecurrencePattern.Dates"/>.</summary>
    Dates,
}

/// <summary>How a series repeats; which members apply depends on <see cref="Kind"/>.</summary>
public sealed record RecurrencePattern
{
    public RecurrenceKind Kind { get; init; }
    public int IntervalWeeks { get; init; } = 1;
    public IReadOnlyList<DayOfWeek> Weekdays { get; init; } = [];
    public int DayOfMonth { get; init; }
    public int WeekOfMonth { get; init; }
    public DayOfWeek Weekday { get; init; }
    public IReadOnlyList<DateOnly> Dates { get; init; } = [];
}

public enum SeriesStatus
{
    Active,
    Paused,
    Ended,
}

/// <summary>A recurring service: the same job for the same customer on a pattern of dates at one local time.</summary>
public sealed class BookingSeries : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }
    public Guid ServiceId { get; set; }
    public Guid TechnicianId { get; set; }
    public Guid? AssetId { get; set; }
    public RecurrencePattern Pattern { get; set; } = new();
    public TimeOnly LocalStartTime { get; set; }
    public int DurationMinutes { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    /// <summary>Occurrences up to and including this date have been generated.</summary>
    public DateOnly? GeneratedThrough { get; set; }

    public SeriesStatus Status { get; set; }
    public string? Address { get; set; }
    public double? Lat { get; set; }
    public double? Lng { get; set; }
    public Dictionary<string, string> Answers { get; set; } = [];
    public decimal EstimatedPrice { get; set; }
    public string Notes { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
