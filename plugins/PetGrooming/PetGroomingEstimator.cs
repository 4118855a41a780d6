using System.Globalization;
using ServicePro.Abstractions;

namespace ServicePro.Plugins.PetGrooming;

/// <summary>
/// Prices a groom the way groomers do: the service's starting price is a small dog with a short, tangle-free
/// coat and a calm temperament; weight class, coat type, matting and handling needs add to it.
/// </summary>
internal static class PetGroomingEstimator
{
    private enum Work
    {
        Bath,
        Groom,
        Nails,
        Deshed,
        Puppy,
    }

    // A tenant's own services are priced like a bath: the full set of size, coat and handling rules applies.
    private static Work WorkFor(string key) => key switch
    {
        "full_groom" => Work.Groom,
        "nail_trim" => Work.Nails,
        "deshedding_bath" => Work.Deshed,
        "puppy_intro" => Work.Puppy,
        _ => Work.Bath,
    };

    public static JobEstimate Estimate(ServiceDefinition service, IntakeAnswers answers)
    {
        var work = WorkFor(service.Key);
        var quote = new Quote(service);
        var isCat = answers.Text("species") == "cat";

        if (work == Work.Nails)
        {
            AddNailTrimSize(quote, isCat, answers.Number("weight_lb"));
        }
        else
        {
            AddSize(quote, isCat, answers.Number("weight_lb"));
        }

        // A de-shedding bath already assumes a double coat, and puppies are too young for coat work to matter.
        if (work is Work.Bath or Work.Groom)
        {
            AddCoatType(quote, answers.Text("coat_type"));
        }

        if (work is not (Work.Nails or Work.Puppy))
        {
            AddCoatCondition(quote, answers.Text("coat_condition"));
        }

        AddTemperament(quote, work, answers.Text("temperament"));

        if (answers.YesNo("senior_or_medical"))
        {
            quote.Flat("Senior pet or medical needs: gentler pace and more breaks", 0, work == Work.Nails ? 5 : 15);
        }

        return quote.Build();
    }

    private static void AddSize(Quote quote, bool isCat, decimal? weight)
    {
        // Cats all fall in the small weight class but take more careful handling and drying than a small dog.
        if (isCat)
        {
            quote.Percent("Cat", 25, 15, "for feline handling and drying");
            return;
        }

        switch (weight)
        {
            case null:
                quote.Percent("Weight not given, priced as a medium dog (21–50 lb)", 20, 20, "size");
                break;
            case <= 20:
                break;
            case <= 50:
                quote.Percent("Medium dog (21–50 lb)", 20, 20, "size");
                break;
            case <= 90:
                quote.Percent("Large dog (51–90 lb)", 45, 45, "size");
                break;
            default:
                quote.Percent("Giant dog (over 90 lb)", 70, 70, "size");
                break;
        }
    }

    private static void AddNailTrimSize(Quote quote, bool isCat, decimal? weight)
    {
        if (isCat)
        {
            quote.Flat("Cat nail trim: extra handling", 5, 5);
        }
        else if (weight > 50)
        {
            quote.Flat("Large dog (over 50 lb): thicker nails", 5, 5);
        }
    }

    private static void AddCoatType(Quote quote, string? coat)
    {
        switch (coat)
        {
            case "double":
                quote.Percent("Double coat", 15, 25, "for undercoat blow-out and longer drying");
                break;
            case "long":
                quote.Percent("Long, silky coat", 10, 15, "for line brushing and drying");
                break;
            case "curly":
                quote.Percent("Curly or doodle coat", 15, 20, "for fluff-drying and brushing to the skin");
                break;
            case "wire":
                quote.Percent("Wire coat", 10, 15, "for carding and shaping");
                break;
            default:
                break;
        }
    }

    private static void AddCoatCondition(Quote quote, string? condition)
    {
        switch (condition)
        {
            case "some_tangles":
                quote.Flat("Tangles or light matting: brush-out", 10, 15);
                break;
            case "matted":
                quote.Flat("Matted coat: dematting", 25, 30);
                quote.Note("Mats close to the skin are shaved out rather than brushed out, which is kinder; the groomer talks it through with you first");
                break;
            default:
                break;
        }
    }

    private static void AddTemperament(Quote quote, Work work, string? temperament)
    {
        switch (temperament)
        {
            case "anxious":
                quote.Flat("Anxious pet: slower pace and breaks", 0, work == Work.Nails ? 5 : 15);
                break;
            case "aggressive":
                quote.Flat("Handling fee for a pet that has bitten or snapped", work == Work.Nails ? 5 : 20, work == Work.Nails ? 10 : 30);
                quote.Note("The groomer may use a muzzle, or stop the session if it isn't safe for your pet");
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
