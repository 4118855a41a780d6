using System.Globalization;

namespace ServicePro.Abstractions;

/// <summary>
/// Builds a <see cref="JobEstimate"/> the way customers like to read one: a running price and time starting at
/// the service's minimum, one readable line per adjustment, then fitted to the service's ranges (whole
/// dollars, 15-minute calendar steps). Each change is rounded to whole dollars and minutes as it is added, so
/// every line the customer reads is an exact amount; percentages apply to the running subtotal.
/// </summary>
public sealed class EstimateBuilder(ServiceDefinition service)
{
    private readonly List<string> _lines = [];
    private decimal _price = service.PriceMin;
    private decimal _minutes = service.DurationMinutes;

    public void Percent(string label, decimal pricePercent, decimal timePercent, string why)
    {
        var reason = pricePercent == 0
            ? $"{label}: {why}"
            : FormattableString.Invariant($"{label}: {(pricePercent > 0 ? "+" : "")}{pricePercent}% {why}");
        Add(reason, Whole(_price * pricePercent / 100m), Whole(_minutes * timePercent / 100m));
    }

    public void Flat(string reason, decimal dollars, decimal minutes) => Add(reason, Whole(dollars), Whole(minutes));

    public void Note(string text) => _lines.Add(text);

    public JobEstimate Build()
    {
        var lowPrice = service.PriceMin;
        var highPrice = Math.Max(service.PriceMin, service.PriceMax);
        var shortest = service.DurationMinutes;
        var longest = Math.Max(service.DurationMinutes, service.MaxDurationMinutes);

        if (_price > highPrice)
        {
            _lines.Add($"Capped at the {Money(highPrice)} maximum for {service.Name}");
        }
        else if (_price < lowPrice)
        {
            _lines.Add($"Raised to the {Money(lowPrice)} minimum for {service.Name}");
        }

        if (_minutes > longest)
        {
            _lines.Add($"Time capped at {Duration(longest)}, the longest slot for {service.Name}");
        }
        else if (_minutes < shortest)
        {
            _lines.Add($"Time kept at the {Duration(shortest)} minimum for {service.Name}");
        }

        return new JobEstimate(FitPrice(_price, lowPrice, highPrice), FitMinutes(_minutes, shortest, longest), _lines.ToArray());
    }

    private void Add(string reason, decimal dollars, decimal minutes)
    {
        if (dollars == 0 && minutes == 0)
        {
            return;
        }

        _price += dollars;
        _minutes += minutes;

        var effects = new List<string>(2);
        if (dollars != 0)
        {
            effects.Add((dollars > 0 ? "+" : "-") + Money(Math.Abs(dollars)));
        }

        if (minutes != 0)
        {
            effects.Add((minutes > 0 ? "+" : "-") + Duration(Math.Abs(minutes)));
        }

        _lines.Add($"{reason} ({string.Join(", ", effects)})");
    }

    private static decimal Whole(decimal value) => Math.Round(value, 0, MidpointRounding.AwayFromZero);

    // Whole dollars, unless the range itself holds no whole dollar (a tenant's odd custom prices).
    private static decimal FitPrice(decimal raw, decimal low, decimal high)
    {
        var clamped = Math.Clamp(raw, low, high);
        var rounded = Whole(clamped);
        if (rounded > high)
        {
            rounded = Math.Floor(high);
        }

        if (rounded < low)
        {
            rounded = Math.Ceiling(low);
        }

        return rounded >= low && rounded <= high ? rounded : clamped;
    }

    // Calendar slots are 15-minute steps, but the service's own limits win when no step fits inside them.
    private static int FitMinutes(decimal raw, int shortest, int longest)
    {
        var clamped = Math.Clamp(raw, shortest, longest);
        var stepped = Math.Round(clamped / 15m, 0, MidpointRounding.AwayFromZero) * 15m;
        if (stepped > longest)
        {
            stepped = Math.Floor(longest / 15m) * 15m;
        }

        if (stepped < shortest)
        {
            stepped = Math.Ceiling(shortest / 15m) * 15m;
        }

        return stepped >= shortest && stepped <= longest ? (int)stepped : (int)Whole(clamped);
    }

    private static string Money(decimal amount) =>
        "$" + amount.ToString(amount == decimal.Truncate(amount) ? "N0" : "N2", CultureInfo.InvariantCulture);

    private static string Duration(decimal minutes)
    {
        var total = (int)Whole(minutes);
        var (hours, rest) = (total / 60, total % 60);
        return (hours, rest) switch
        {
            (0, _) => FormattableString.Invariant($"{rest} min"),
            (_, 0) => FormattableString.Invariant($"{hours} h"),
            _ => FormattableString.Invariant($"{hours} h {rest} min"),
        };
    }
}
