using ServicePro.Host.Scheduling;

namespace ServicePro.Host.Bookings;

/// <summary>What became of a booking request.</summary>
public abstract record BookingOutcome;

public sealed record BookingDone(Booking Booking) : BookingOutcome;

/// <summary>Refused without changing anything: bad input (400), nothing there (404), wrong state (409), outside the area (422).</summary>
public sealed record BookingRefused(int StatusCode, string Title, string Detail, Dictionary<string, string[]>? Errors = null) : BookingOutcome
{
    public static BookingRefused Invalid(string field, string message) => new(400, "Some fields need attention", message, new() { [field] = [message] });

    public static BookingRefused NotFound(string detail) => new(404, "Not found", detail);

    public static BookingRefused WrongState(string detail) => new(409, "Not possible now", detail);
}

/// <summary>The time is taken (or not bookable); <see cref="Alternatives"/> are the nearest open times for the same job.</summary>
public sealed record BookingConflict(string Detail, IReadOnlyList<AvailableSlot> Alternatives) : BookingOutcome;
