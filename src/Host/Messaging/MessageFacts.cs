using System.Globalization;

namespace ServicePro.Host.Messaging;

/// <summary>
/// What a customer message may say, already in words: the business, the customer, the booking and, for some
/// moments, an arrival estimate or a weather reason. Templates see exactly <see cref="Variables"/> and nothing
/// else; every value is a string or a number, so no template can reach an object behind them.
/// </summary>
public sealed record MessageFacts
{
    /// <summary>How dates and times read in messages (US English, the platform's market).</summary>
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-US");

    public required BusinessFacts Business { get; init; }
    public required CustomerFacts Customer { get; init; }
    public BookingFacts? Booking { get; init; }

    /// <summary>On-my-way: how many minutes until the technician arrives, as promised to the customer.</summary>
    public int? EtaMinutes { get; init; }

    /// <summary>Weather reschedule: why the day looks bad, e.g. "70% chance of rain".</summary>
    public string? WeatherReason { get; init; }

    /// <summary>Every variable a template may use, as written in Liquid ("booking.date").</summary>
    public static IReadOnlyList<string> Variables { get; } = Flatten(Example().ToVariables()).Order(StringComparer.Ordinal).ToList();

    /// <summary>The Liquid scope: one entry per top-level name, nested dictionaries below it. Every key is always present.</summary>
    public IReadOnlyDictionary<string, object?> ToVariables() => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["business"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = Business.Name,
            ["phone"] = Business.Phone,
            ["website"] = Business.Website,
        },
        ["customer"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = Customer.Name,
            ["first_name"] = FirstName(Customer.Name),
            ["phone"] = Customer.Phone,
        },
        ["booking"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["service"] = Booking?.Service,
            ["date"] = Booking?.LocalStart.ToString("ddd, MMM d", Culture),
            ["time"] = Booking?.LocalStart.ToString("h:mm tt", Culture),
            ["when"] = Booking is null ? null : $"{Booking.LocalStart.ToString("ddd, MMM d", Culture)} at {Booking.LocalStart.ToString("h:mm tt", Culture)}",
            ["address"] = Booking?.Address,
            ["technician"] = Booking?.Technician,
            ["eta"] = Booking is null || EtaMinutes is null ? null : Booking.LocalNow.AddMinutes(EtaMinutes.Value).ToString("h:mm tt", Culture),
        },
        ["technician"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = Booking?.Technician,
            ["first_name"] = Booking is null ? null : FirstName(Booking.Technician),
        },
        ["eta_minutes"] = EtaMinutes,
        ["weather"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["reason"] = WeatherReason },
        ["reschedule_url"] = Booking?.RescheduleUrl,
        ["review_url"] = Booking?.ReviewUrl,
    };

    /// <summary>Made-up facts with every value set: template previews, and the shape <see cref="Variables"/> is read from.</summary>
    public static MessageFacts Example(DateTimeOffset? at = null)
    {
        var start = at ?? new DateTimeOffset(2026, 11, 24, 10, 30, 0, TimeSpan.FromHours(-6));
        return new MessageFacts
        {
            Business = new BusinessFacts("Clean Machine Auto Detail", "(918) 555-0100", "https://cleanmachinetulsa.com"),
            Customer = new CustomerFacts("Jordan Ellis", "+19185550123"),
            Booking = new BookingFacts(
                "Full Detail", start, start.AddMinutes(-40), "12 Main St, Tulsa, OK", "Sam Rivera",
                "https://cleanmachinetulsa.com/b/example", "https://cleanmachinetulsa.com/review/example"),
            EtaMinutes = 25,
            WeatherReason = "70% chance of rain",
        };
    }

    private static string FirstName(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? name;

    private static IEnumerable<string> Flatten(IReadOnlyDictionary<string, object?> scope, string prefix = "") =>
        scope.SelectMany(entry => entry.Value is IReadOnlyDictionary<string, object?> nested
            ? Flatten(nested, prefix + entry.Key + ".")
            : [prefix + entry.Key]);
}

/// <param name="Website">The business's public address, e.g. https://cleanmachinetulsa.com.</param>
public sealed record BusinessFacts(string Name, string? Phone, string Website);

/// <param name="Phone">E.164.</param>
public sealed record CustomerFacts(string Name, string Phone);

/// <param name="LocalStart">The start on the business's wall clock (messages speak the business's time zone).</param>
/// <param name="LocalNow">The present moment on the same clock, for arrival times.</param>
/// <param name="Technician">The technician's full name.</param>
public sealed record BookingFacts(
    string Service,
    DateTimeOffset LocalStart,
    DateTimeOffset LocalNow,
    string? Address,
    string Technician,
    string RescheduleUrl,
    string ReviewUrl);
