using System.Globalization;
using ServicePro.Host.Bookings;
using ServicePro.Host.Persistence;
using ServicePro.Host.Validation;


namespace ServicePro.Host.Series;

/// <summary>
/// A recurrence as the API reads and writes it: <c>kind</c> is weekly, monthly_by_day, monthly_by_weekday or dates,
/// weekdays are lower-case English names, and only the members of the kind are set.
/// </summary>
public sealed record RecurrencePatternDto(
    [Text(40)] string? Kind, int? IntervalWeeks = null, [Items(7, 20)] IReadOnlyList<string>? Weekdays = null, int? DayOfMonth = null,
    int? WeekOfMonth = null, [Text(20)] string? Weekday = null, [Items(RecurrencePatternDto.MaxDates)] IReadOnlyList<DateOnly>? Dates = null)
{
    /// <summary>Longest gap of a weekly pattern, and most dates in an explicit list.</summary>
    public const int MaxIntervalWeeks = 12;

    public const int MaxDates = 100;

    /// <summary>How far ahead explicit dates (and a series' first day) may lie.</summary>
    public const int MaxYearsAhead = 2;

    public static RecurrencePatternDto From(RecurrencePattern p) => p.Kind switch
    {
        RecurrenceKind.Weekly => new("weekly", IntervalWeeks: p.IntervalWeeks, Weekdays: p.Weekdays.Select(Name).ToList()),
        RecurrenceKind.MonthlyByDay => new("monthly_by_day", DayOfMonth: p.DayOfMonth),
        RecurrenceKind.MonthlyByWeekday => new("monthly_by_weekday", WeekOfMonth: p.WeekOfMonth, Weekday: Name(p.Weekday)),
        _ => new("dates", Dates: p.Dates),
    };

    /// <summary>The pattern, or null with the reasons added to <paramref name="errors"/> under "pattern.*" keys.</summary>
    /// <param name="today">The tenant's today: explicit dates must lie between it and <see cref="MaxYearsAhead"/> years on.</param>
    public RecurrencePattern? ToPattern(DateOnly today, Dictionary<string, string[]> errors)
    {
        var before = errors.Count;
        switch (Kind)
        {
            case "weekly":
                var interval = IntervalWeeks ?? 1;
                if (interval is < 1 or > MaxIntervalWeeks)
                {
                    errors["pattern.intervalWeeks"] = [$"Repeat every 1 to {MaxIntervalWeeks} weeks."];
                }

                var weekdays = ParseWeekdays(errors);
                return errors.Count > before ? null
                    : new RecurrencePattern { Kind = RecurrenceKind.Weekly, IntervalWeeks = interval, Weekdays = weekdays };

            case "monthly_by_day":
                if (DayOfMonth is not (>= 1 and <= 31))
                {
                    errors["pattern.dayOfMonth"] = ["Choose a day of the month from 1 to 31 (in shorter months, the last day is used)."];
                    return null;
                }

                return new RecurrencePattern { Kind = RecurrenceKind.MonthlyByDay, DayOfMonth = DayOfMonth.Value };

            case "monthly_by_weekday":
                if (WeekOfMonth is not (-1 or (>= 1 and <= 5)))
                {
                    errors["pattern.weekOfMonth"] = ["Choose the 1st to 5th such weekday of the month, or -1 for the last (a month without a 5th is skipped)."];
                }

                if (!TryParseWeekday(Weekday, out var weekday))
                {
                    errors["pattern.weekday"] = ["Choose a weekday: monday to sunday."];
                }

                return errors.Count > before ? null
                    : new RecurrencePattern { Kind = RecurrenceKind.MonthlyByWeekday, WeekOfMonth = WeekOfMonth!.Value, Weekday = weekday };

            case "dates":
                var last = today.AddYears(MaxYearsAhead);
                if (Dates is not { Count: >= 1 and <= MaxDates })
                {
                    errors["pattern.dates"] = [$"List 1 to {MaxDates} dates."];
                }
                else if (Dates.Any(d => d < today || d > last))
                {
                    errors["pattern.dates"] = [string.Create(CultureInfo.InvariantCulture, $"Every date must be from today ({today:yyyy-MM-dd}) to {last:yyyy-MM-dd}.")];
                }

                return errors.Count > before ? null
                    : new RecurrencePattern { Kind = RecurrenceKind.Dates, Dates = Dates!.Distinct().Order().ToList() };

            default:
                errors["pattern.kind"] = ["Choose how the series repeats: weekly, monthly_by_day, monthly_by_weekday or dates."];
                return null;
        }
    }

    private List<DayOfWeek> ParseWeekdays(Dictionary<string, string[]> errors)
    {
        var days = new List<DayOfWeek>();
        foreach (var name in Weekdays ?? [])
        {
            if (!TryParseWeekday(name, out var day))
            {
                errors["pattern.weekdays"] = [$"'{name}' is not a weekday; use monday to sunday."];
                return [];
            }

            days.Add(day);
        }

        if (days.Count == 0)
        {
            errors["pattern.weekdays"] = ["Choose at least one weekday."];
        }

        // Monday first, as the week is counted.
        return days.Distinct().OrderBy(d => ((int)d + 6) % 7).ToList();
    }

    private static string Name(DayOfWeek day) => SnakeCaseEnum.ToName(day);

    private static bool TryParseWeekday(string? name, out DayOfWeek day) => SnakeCaseEnum.TryParse(name, out day);
}

public sealed record CreateSeriesRequest(
    Guid? CustomerId, Guid? ServiceId, Guid? TechnicianId, Guid? AssetId, RecurrencePatternDto? Pattern, [Text(10)] string? LocalStartTime,
    int? DurationMinutes, [PlausibleDate] DateOnly? StartsOn, [PlausibleDate] DateOnly? EndsOn, [Text(TextRules.Line)] string? Address,
    [Latitude] double? Lat, [Longitude] double? Lng, [TextMap(50)] Dictionary<string, string>? Answers,
    [Text(TextRules.Note, Multiline = true)] string? Notes);

/// <param name="EndsOn">The series' last day (default: today). Bookings of later dates still to come are cancelled.</param>
/// <param name="Reason">The cancellation reason those bookings get (default business_cancelled).</param>
public sealed record EndSeriesRequest(
    [PlausibleDate] DateOnly? EndsOn, [Text(TextRules.Line)] string? Reason, [Text(TextRules.Note, Multiline = true)] string? Feedback);

/// <param name="Reason">The cancellation reason for the occurrence's booking, if it has one (default other).</param>
public sealed record SkipOccurrenceRequest([Text(TextRules.Line)] string? Reason, [Text(TextRules.Note, Multiline = true)] string? Feedback);

public sealed record MoveOccurrenceRequest([PlausibleDate] DateTimeOffset? StartsAt, Guid? TechnicianId);

/// <summary>What became of one date: its state, and the booking with its actual time when there is one.</summary>
public sealed record OccurrenceDto(
    DateOnly Date, string State, string? Detail, Guid? BookingId, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, Guid? TechnicianId,
    string? BookingStatus)
{
    public static OccurrenceDto From(SeriesOccurrence o, Booking? b) => new(
        o.Date, SnakeCaseEnum.ToName(o.State), o.Detail, o.BookingId, b?.StartsAt, b?.EndsAt, b?.TechnicianId,
        b is null ? null : SnakeCaseEnum.ToName(b.Status));
}

/// <param name="UpcomingConflicts">Dates from today on that could not be booked: the ones that need a person.</param>
/// <param name="Occurrences">Every recorded date, oldest first (only when one series is asked for).</param>
public sealed record SeriesDto(
    Guid Id, Guid CustomerId, Guid ServiceId, Guid TechnicianId, Guid? AssetId, RecurrencePatternDto Pattern, string LocalStartTime,
    int DurationMinutes, DateOnly StartsOn, DateOnly? EndsOn, DateOnly? GeneratedThrough, string Status, string? Address,
    IReadOnlyDictionary<string, string> Answers, decimal EstimatedPrice, string Notes, DateTimeOffset CreatedAt, int UpcomingConflicts,
    IReadOnlyList<OccurrenceDto>? Occurrences = null)
{
    public static SeriesDto From(BookingSeries s, int upcomingConflicts, IReadOnlyList<OccurrenceDto>? occurrences = null) => new(
        s.Id, s.CustomerId, s.ServiceId, s.TechnicianId, s.AssetId, RecurrencePatternDto.From(s.Pattern),
        s.LocalStartTime.ToString("HH:mm", CultureInfo.InvariantCulture), s.DurationMinutes, s.StartsOn, s.EndsOn, s.GeneratedThrough,
        SnakeCaseEnum.ToName(s.Status), s.Address, s.Answers, s.EstimatedPrice, s.Notes, s.CreatedAt, upcomingConflicts, occurrences);
}
