using System.Globalization;
using ServicePro.Abstractions;

namespace ServicePro.Plugins.AutoDetail;

/// <summary>
/// Prices a detailing job the way a mobile detailer quotes one: the service's starting price buys a
/// compact or sedan in light condition, then vehicle size, condition and the slow jobs (pet hair, odor,
/// paint correction) add to it.
/// </summary>
internal static class AutoDetailEstimator
{
    // Which answers move the price depends on where the work is: size matters for every panel and seat,
    // pet hair only for interiors, paint condition only for coating work.
    private sealed record Profile(bool BySize, decimal NormalPercent, decimal HeavyPercent, bool Interior, bool Paint);

    // A tenant's own services fall back to the broad full-detail rules rather than to no adjustments at all.
    private static readonly Profile Fallback = new(BySize: true, NormalPercent: 10, HeavyPercent: 25, Interior: true, Paint: false);

    private static Profile ProfileFor(string key) => key switch
    {
        "full_detail" => new(BySize: true, NormalPercent: 10, HeavyPercent: 30, Interior: true, Paint: false),
        "interior_detail" => new(BySize: true, NormalPercent: 10, HeavyPercent: 30, Interior: true, Paint: false),
        "exterior_wash_wax" => new(BySize: true, NormalPercent: 5, HeavyPercent: 20, Interior: false, Paint: false),
        "ceramic_coating" => new(BySize: true, NormalPercent: 0, HeavyPercent: 10, Interior: false, Paint: true),
        "headlight_restoration" => new(BySize: false, NormalPercent: 0, HeavyPercent: 0, Interior: false, Paint: false),
        "engine_bay_cleaning" => new(BySize: false, NormalPercent: 10, HeavyPercent: 25, Interior: false, Paint: false),
        _ => Fallback,
    };

    public static JobEstimate Estimate(ServiceDefinition service, IntakeAnswers answers)
    {
        var profile = ProfileFor(service.Key);
        var quote = new Quote(service);

        if (profile.BySize)
        {
            AddVehicleSize(quote, answers.Text("vehicle_size"));
        }

        AddCondition(quote, profile, answers.Text("condition"));

        if (profile.Paint)
        {
            AddPaintCorrection(quote, answers.Text("paint_condition"));
        }

        if (profile.Interior)
        {
            if (answers.YesNo("pet_hair"))
            {
                quote.Flat("Pet hair removal", 30, 30);
            }

            if (answers.YesNo("smoke_odor"))
            {
                quote.Flat("Smoke or odor treatment with enzyme clean and ozone", 40, 30);
            }
        }

        // Only an explicit "no" costs time: most driveways have a spigot, and the rig carries its own water.
        if (answers.Text("hookups") is not null && !answers.YesNo("hookups"))
        {
            quote.Flat("No water or power hookup: running from our onboard tank and generator", 0, 15);
        }

        return quote.Build();
    }

    private static void AddVehicleSize(Quote quote, string? size)
    {
        // Compacts and sedans are what the starting price assumes.
        switch (size)
        {
            case "suv":
                quote.Percent("SUV / crossover", 20, 20, "size surcharge");
                break;
            case "truck":
                quote.Percent("Pickup truck", 20, 20, "size surcharge");
                break;
            case "large_suv":
                quote.Percent("3-row SUV", 30, 30, "size surcharge");
                break;
            case "van":
                quote.Percent("Minivan / van", 30, 30, "size surcharge");
                break;
            case null:
                quote.Note("Vehicle size not given: priced as a sedan");
                break;
            default:
                break;
        }
    }

    private static void AddCondition(Quote quote, Profile profile, string? condition)
    {
        switch (condition)
        {
            case "heavy":
                quote.Percent("Heavy condition", profile.HeavyPercent, profile.HeavyPercent, "for stains, mud, sand and heavy buildup");
                break;
            case "normal":
                quote.Percent("Normal condition", profile.NormalPercent, profile.NormalPercent, "for everyday dirt and spills");
                break;
            case null:
                quote.Percent("Condition not given, priced as normal", profile.NormalPercent, profile.NormalPercent, "for everyday dirt and spills");
                break;
            default:
                break;
        }
    }

    private static void AddPaintCorrection(Quote quote, string? paint)
    {
        // A coating locks in whatever is under it, so swirls have to be polished out first.
        switch (paint)
        {
            case "light_swirls":
                quote.Percent("Light swirls or water spots", 20, 25, "for a one-step polish before coating");
                break;
            case "heavy_defects":
                quote.Percent("Heavy swirls, scratches or oxidation", 50, 60, "for two-step paint correction");
                break;
            case null:
                quote.Note("Paint condition not given: priced as like-new paint, confirmed at the paint inspection");
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// A running price and time. Each change is rounded to whole dollars and minutes as it is added, so
    /// every line the customer reads is an exact amount; percentages apply to the running subtotal.
    /// </summary>
    private sealed class Quote(ServiceDefinition service)
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
}
