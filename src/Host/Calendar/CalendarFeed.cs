using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using ServicePro.Host.Bookings;
using ICalendar = Ical.Net.Calendar;

namespace ServicePro.Host.Calendar;

/// <summary>One booking as a technician's calendar feed shows it.</summary>
public sealed record FeedBooking(
    Guid Id,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    BookingStatus Status,
    int Version,
    DateTimeOffset UpdatedAt,
    string ServiceName,
    string CustomerName,
    string? Address,
    string Notes);

/// <summary>
/// A technician's jobs as an iCalendar (RFC 5545) document that calendar apps subscribe to. Times are in UTC, so
/// every app places them right whatever its own zone and however daylight saving falls; each event's UID is
/// stable and its SEQUENCE follows the booking's version, so a subscriber updates a moved job instead of adding
/// a second one.
/// </summary>
public static class CalendarFeed
{
    /// <summary>How far back the feed reaches: last month's jobs stay visible for timesheets and questions.</summary>
    public static readonly TimeSpan Past = TimeSpan.FromDays(30);

    /// <summary>How far ahead the feed reaches.</summary>
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(180);

    /// <summary>How often subscribers are asked to look again; most apps poll less often whatever they are told.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(15);

    public const string ContentType = "text/calendar; charset=utf-8";

    /// <param name="calendarName">What the subscriber's app names the calendar (X-WR-CALNAME).</param>
    /// <param name="host">The tenant's host name; event UIDs are <c>{bookingId}@{host}</c>.</param>
    /// <param name="bookings">The bookings that hold the technician's time in the window.</param>
    public static string Render(string calendarName, string host, IEnumerable<FeedBooking> bookings)
    {
        var calendar = new ICalendar { ProductId = "-//ServicePro//Technician calendar//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        var refresh = "PT" + (int)RefreshInterval.TotalMinutes + "M";
        calendar.AddProperty("X-PUBLISHED-TTL", refresh);
        calendar.AddProperty("REFRESH-INTERVAL;VALUE=DURATION", refresh);
        foreach (var booking in bookings.OrderBy(b => b.StartsAt).ThenBy(b => b.Id))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{booking.Id}@{host}",
                Sequence = booking.Version,
                // The moment this version of the booking came to be, so an unchanged feed renders byte for byte the same.
                DtStamp = Utc(booking.UpdatedAt),
                LastModified = Utc(booking.UpdatedAt),
                DtStart = Utc(booking.StartsAt),
                DtEnd = Utc(booking.EndsAt),
                Summary = $"{booking.ServiceName} – {FirstName(booking.CustomerName)}",
                Location = string.IsNullOrWhiteSpace(booking.Address) ? null : booking.Address.Trim(),
                Description = Describe(booking),
                Status = booking.Status == BookingStatus.Pending ? EventStatus.Tentative : EventStatus.Confirmed,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>Only the first name: the feed travels to personal phones and third-party calendar services.</summary>
    public static string FirstName(string name)
    {
        var trimmed = name.Trim();
        var space = trimmed.IndexOf(' ');
        return space < 0 ? trimmed : trimmed[..space];
    }

    private static string Describe(FeedBooking booking)
    {
        var status = booking.Status switch
        {
            BookingStatus.Pending => "Status: pending (not yet confirmed)",
            BookingStatus.Completed => "Status: completed",
            _ => "Status: confirmed",
        };
        return string.IsNullOrWhiteSpace(booking.Notes) ? status : status + "\n\n" + booking.Notes.Trim();
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, hasTime: true);
}
