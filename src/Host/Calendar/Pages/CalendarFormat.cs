using System.Globalization;
using ServicePro.Host.Admin;
using ServicePro.Host.Bookings;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Calendar.Pages;

/// <summary>How the calendar pages write dates, statuses and cancellation reasons.</summary>
public static class CalendarFormat
{
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");

    private static readonly Dictionary<string, string> ReasonLabels = new(StringComparer.Ordinal)
    {
        [CancellationReasons.ScheduleConflict] = "Schedule conflict",
        [CancellationReasons.Weather] = "Weather",
        [CancellationReasons.Price] = "Price",
        [CancellationReasons.FoundAnotherProvider] = "Found another provider",
        [CancellationReasons.NoLongerNeeded] = "No longer needed",
        [CancellationReasons.BusinessCancelled] = "Cancelled by the business",
        [CancellationReasons.Other] = "Other",
    };

    public static string ViewName(CalendarView view) => view == CalendarView.Week ? "week" : "day";

    /// <summary>"2026-11-24", the form the calendar's addresses carry.</summary>
    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseIsoDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>"Tuesday, November 24, 2026".</summary>
    public static string LongDate(DateOnly date) => date.ToString("dddd, MMMM d, yyyy", Us);

    /// <summary>"Tue, Nov 24".</summary>
    public static string ShortDate(DateOnly date) => date.ToString("ddd, MMM d", Us);

    /// <summary>"Nov 23 – 29, 2026" or "Nov 30 – Dec 6, 2026".</summary>
    public static string WeekRange(DateOnly first, DateOnly last) =>
        first.Month == last.Month
            ? $"{first.ToString("MMM d", Us)} – {last.ToString("d, yyyy", Us)}"
            : first.Year == last.Year
                ? $"{first.ToString("MMM d", Us)} – {last.ToString("MMM d, yyyy", Us)}"
                : $"{first.ToString("MMM d, yyyy", Us)} – {last.ToString("MMM d, yyyy", Us)}";

    /// <summary>The Monday that starts the week of <paramref name="date"/>.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public static string Status(BookingStatus status) => status switch
    {
        BookingStatus.NoShow => "No-show",
        _ => status.ToString(),
    };

    /// <summary>The badge modifier for a booking status.</summary>
    public static string Tone(BookingStatus status) => status switch
    {
        BookingStatus.Confirmed => "ok",
        BookingStatus.Pending => "warn",
        BookingStatus.Completed => "info",
        BookingStatus.Cancelled => "bad",
        _ => "muted",
    };

    public static string StatusKey(BookingStatus status) => SnakeCaseEnum.ToName(status);

    public static string Reason(string? reason) => reason is null ? "" : ReasonLabels.GetValueOrDefault(reason, reason);
}
