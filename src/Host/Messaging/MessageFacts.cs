using System.Globalization;
using ServicePro.Abstractions;

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

    /// <summary>Every variable a template may use, as written in Liquid ("booking.date"): the contract's <see cref="MessageVariables"/>.</summary>
    public static IReadOnlyList<string> Variables { get; } = MessageVariables.All.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The Liquid scope: one entry per top-level name, nested dictionaries below it. Every key is always present.</summary>
    public IReadOnlyDictionary<string, object?> ToVariables() => Nest(Values());

    /// <summary>Each variable's value, keyed by its name in the contract (<see cref="MessageVariables"/>).</summary>
    public IReadOnlyDictionary<string, object?> Values() => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        [MessageVariables.BusinessName] = Business.Name,
        [MessageVariables.BusinessPhone] = Business.Phone,
        [MessageVariables.BusinessWebsite] = Business.Website,
        [MessageVariables.CustomerName] = Customer.Name,
        [MessageVariables.CustomerFirstName] = FirstName(Customer.Name),
        [MessageVariables.CustomerPhone] = Customer.Phone,
        [MessageVariables.BookingService] = Booking?.Service,
        [MessageVariables.BookingDate] = Booking?.LocalStart.ToString("ddd, MMM d", Culture),
        [MessageVariables.BookingTime] = Booking?.LocalStart.ToString("h:mm tt", Culture),
        [MessageVariables.BookingWhen] = Booking is null ? null : $"{Booking.LocalStart.ToString("ddd, MMM d", Culture)} at {Booking.LocalStart.ToString("h:mm tt", Culture)}",
        [MessageVariables.BookingAddress] = Booking?.Address,
        [MessageVariables.BookingTechnician] = Booking?.Technician,
        [MessageVariables.BookingEta] = Booking is null || EtaMinutes is null ? null : Booking.LocalNow.AddMinutes(EtaMinutes.Value).ToString("h:mm tt", Culture),
        [MessageVariables.TechnicianName] = Booking?.Technician,
        [MessageVariables.TechnicianFirstName] = Booking is null ? null : FirstName(Booking.Technician),
        [MessageVariables.EtaMinutes] = EtaMinutes,
        [MessageVariables.WeatherReason] = WeatherReason,
        [MessageVariables.RescheduleUrl] = Booking?.RescheduleUrl,
        [MessageVariables.ReviewUrl] = Booking?.ReviewUrl,
    };

    /// <summary>Made-up facts with every value set: template previews, and the example every variable has a value in.</summary>
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

    /// <summary>"booking.date" becomes booking → { date }, the shape Liquid reads dotted names from.</summary>
    private static Dictionary<string, object?> Nest(IReadOnlyDictionary<string, object?> values)
    {
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                scope[name] = value;
                continue;
            }

            if (scope.GetValueOrDefault(name[..dot]) is not Dictionary<string, object?> inner)
            {
                scope[name[..dot]] = inner = new Dictionary<string, object?>(StringComparer.Ordinal);
            }

            inner[name[(dot + 1)..]] = value;
        }

        return scope;
    }
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
