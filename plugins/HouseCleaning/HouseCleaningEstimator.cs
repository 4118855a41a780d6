using System.Globalization;
using ServicePro.Abstractions;

namespace ServicePro.Plugins.HouseCleaning;

/// <summary>
/// Prices a cleaning the way residential cleaners quote: the service's starting price is a one-bedroom,
/// one-bath home that is kept up; extra rooms, a large footprint, condition and pets add to it, recurring
/// plans take a little off, and appliance add-ons are charged on top.
/// </summary>
internal static class HouseCleaningEstimator
{
    // Deeper cleans spend longer in every room, so each service carries its own per-room rates. "Extra space"
    // is each 500 sq ft beyond what the bedroom count usually means, so big rooms aren't paid for twice.
    private sealed record Profile(
        decimal PerBedroom,
        decimal MinutesPerBedroom,
        decimal PerBathroom,
        decimal MinutesPerBathroom,
        decimal PerExtraSpace,
        decimal MinutesPerExtraSpace,
        decimal AveragePercent,
        decimal NeedsAttentionPercent,
        bool RecurringDiscount,
        bool AppliancesIncluded);

    private static Profile ProfileFor(string key) => key switch
    {
        "standard_cleaning" => new(15, 15, 20, 20, 10, 10, 10, 25, RecurringDiscount: true, AppliancesIncluded: false),
        "deep_cleaning" => new(25, 25, 35, 30, 20, 20, 10, 20, RecurringDiscount: false, AppliancesIncluded: false),
        "move_in_out" => new(30, 30, 40, 35, 25, 25, 10, 20, RecurringDiscount: false, AppliancesIncluded: true),
        "vacation_rental_turnover" => new(15, 15, 15, 15, 5, 5, 10, 25, RecurringDiscount: false, AppliancesIncluded: false),

        // A tenant's own services get standard-clean room rates but no plan discount, which is the owner's call.
        _ => new(15, 15, 20, 20, 10, 10, 10, 25, RecurringDiscount: false, AppliancesIncluded: false),
    };

    public static JobEstimate Estimate(ServiceDefinition service, IntakeAnswers answers)
    {
        var profile = ProfileFor(service.Key);
        var quote = new Quote(service);

        var bedrooms = AddBedrooms(quote, profile, answers.Number("bedrooms"));
        AddBathrooms(quote, profile, answers.Number("bathrooms"));
        AddExtraSpace(quote, profile, bedrooms, answers.Number("square_feet"));
        AddCondition(quote, profile, answers.Text("condition"));

        if (answers.YesNo("pets"))
        {
            quote.Percent("Pets in the home", 10, 10, "for pet hair on floors and furniture");
        }

        if (profile.RecurringDiscount)
        {
            AddPlanDiscount(quote, answers.Text("frequency"));
        }

        // Add-ons come after the plan discount: they are extra labor on the day, not part of the routine.
        AddAppliances(quote, profile, answers.YesNo("inside_oven"), answers.YesNo("inside_fridge"));

        return quote.Build();
    }

    private static int AddBedrooms(Quote quote, Profile profile, decimal? answer)
    {
        if (answer is null)
        {
            quote.Note("Bedrooms not given: priced as 2 bedrooms");
        }

        var bedrooms = (int)Math.Clamp(Math.Round(answer ?? 2, 0, MidpointRounding.AwayFromZero), 0, 10);
        var extra = Math.Max(0, bedrooms - 1);
        if (extra > 0)
        {
            quote.Flat(
                FormattableString.Invariant($"{bedrooms} bedrooms: {extra} beyond the first"),
                extra * profile.PerBedroom,
                extra * profile.MinutesPerBedroom);
        }

        return bedrooms;
    }

    private static void AddBathrooms(Quote quote, Profile profile, decimal? answer)
    {
        if (answer is null)
        {
            quote.Note("Bathrooms not given: priced as 1 bathroom");
        }

        // Half baths (toilet and sink) take about half the time of a full bath.
        var bathrooms = Math.Clamp(Math.Round((answer ?? 1) * 2, 0, MidpointRounding.AwayFromZero) / 2, 1, 10);
        var extra = bathrooms - 1;
        if (extra > 0)
        {
            quote.Flat(
                FormattableString.Invariant($"{bathrooms:0.#} bathrooms: {extra:0.#} beyond the first"),
                extra * profile.PerBathroom,
                extra * profile.MinutesPerBathroom);
        }
    }

    private static void AddExtraSpace(Quote quote, Profile profile, int bedrooms, decimal? squareFeet)
    {
        if (squareFeet is not { } area)
        {
            return;
        }

        var usual = Math.Max(1_000m, 500m + (500m * bedrooms));
        var blocks = Math.Ceiling(Math.Max(0, area - usual) / 500m);
        if (blocks > 0)
        {
            var home = bedrooms == 0 ? "a studio" : FormattableString.Invariant($"{bedrooms} bedroom{(bedrooms == 1 ? "" : "s")}");
            quote.Flat(
                FormattableString.Invariant($"{area:N0} sq ft is large for {home}: {blocks:N0} × 500 sq ft of extra space"),
                blocks * profile.PerExtraSpace,
                blocks * profile.MinutesPerExtraSpace);
        }
    }

    private static void AddCondition(Quote quote, Profile profile, string? condition)
    {
        switch (condition)
        {
            case "average":
                quote.Percent("Average condition", profile.AveragePercent, profile.AveragePercent, "for lived-in buildup");
                break;
            case "needs_attention":
                quote.Percent("Needs extra attention", profile.NeedsAttentionPercent, profile.NeedsAttentionPercent, "for heavy buildup, grease and soap scum");
                break;
            case null:
                quote.Percent("Condition not given, priced as average", profile.AveragePercent, profile.AveragePercent, "for lived-in buildup");
                break;
            default:
                break;
        }
    }

    // A home cleaned on a schedule never builds up, so each visit is faster; the discount passes that on.
    private static void AddPlanDiscount(Quote quote, string? frequency)
    {
        switch (frequency)
        {
            case "weekly":
                quote.Percent("Weekly plan", -15, -15, "recurring discount");
                break;
            case "biweekly":
                quote.Percent("Every-2-weeks plan", -10, -10, "recurring discount");
                break;
            case "monthly":
                quote.Percent("Every-4-weeks plan", -5, -5, "recurring discount");
                break;
            default:
                break;
        }
    }

    private static void AddAppliances(Quote quote, Profile profile, bool oven, bool fridge)
    {
        if (!oven && !fridge)
        {
            return;
        }

        if (profile.AppliancesIncluded)
        {
            quote.Note("Inside the oven and fridge is already included in this service");
            return;
        }

        if (oven)
        {
            quote.Flat("Inside the oven", 25, 30);
        }

        if (fridge)
        {
            quote.Flat("Inside the fridge", 25, 30);
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
