namespace ServicePro.Abstractions;

/// <summary>
/// The variables a pack's (and a business's) message templates may use, in Liquid: <c>{{ customer.first_name }}</c>.
/// Part of the contract: the host fills in exactly these and refuses a template that uses anything else, so a
/// pack is checked against this list (<c>plugins check</c>) before it goes live. Values are plain text or numbers
/// in the business's time zone; one that doesn't apply to a moment (an arrival time in a review request) is empty.
/// </summary>
public static class MessageVariables
{
    public const string BusinessName = "business.name";
    public const string BusinessPhone = "business.phone";
    public const string BusinessWebsite = "business.website";
    public const string CustomerName = "customer.name";
    public const string CustomerFirstName = "customer.first_name";
    public const string CustomerPhone = "customer.phone";
    public const string BookingService = "booking.service";
    public const string BookingDate = "booking.date";
    public const string BookingTime = "booking.time";
    public const string BookingWhen = "booking.when";
    public const string BookingAddress = "booking.address";
    public const string BookingTechnician = "booking.technician";
    public const string BookingEta = "booking.eta";
    public const string TechnicianName = "technician.name";
    public const string TechnicianFirstName = "technician.first_name";
    public const string EtaMinutes = "eta_minutes";
    public const string WeatherReason = "weather.reason";
    public const string RescheduleUrl = "reschedule_url";
    public const string ReviewUrl = "review_url";

    /// <summary>Every variable with what it holds, in one line each.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [BusinessName] = "The business's name as its customers know it.",
        [BusinessPhone] = "The business's phone number, as the business writes it (may be empty).",
        [BusinessWebsite] = "The business's public web address.",
        [CustomerName] = "The customer's full name.",
        [CustomerFirstName] = "The customer's first name.",
        [CustomerPhone] = "The customer's mobile number (E.164, e.g. +19185550123).",
        [BookingService] = "The booked service's name.",
        [BookingDate] = "The booking's day, e.g. \"Tue, Nov 24\".",
        [BookingTime] = "The booking's start time, e.g. \"10:30 AM\".",
        [BookingWhen] = "Day and time together, e.g. \"Tue, Nov 24 at 10:30 AM\".",
        [BookingAddress] = "Where the job is (may be empty).",
        [BookingTechnician] = "The assigned technician's full name.",
        [BookingEta] = "On my way: the time the technician should arrive, e.g. \"10:55 AM\".",
        [TechnicianName] = "The technician's full name.",
        [TechnicianFirstName] = "The technician's first name.",
        [EtaMinutes] = "On my way: minutes until the technician arrives, a number.",
        [WeatherReason] = "Weather reschedule: why the day looks bad, e.g. \"70% chance of rain\".",
        [RescheduleUrl] = "A link where the customer can move or cancel the booking.",
        [ReviewUrl] = "A link where the customer can leave a review.",
    };
}
