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
        var quote = new EstimateBuilder(service);

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

    private static int AddBedrooms(EstimateBuilder quote, Profile profile, decimal? answer)
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

    private static void AddBathrooms(EstimateBuilder quote, Profile profile, decimal? answer)
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

    private static void AddExtraSpace(EstimateBuilder quote, Profile profile, int bedrooms, decimal? squareFeet)
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

    private static void AddCondition(EstimateBuilder quote, Profile profile, string? condition)
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
    private static void AddPlanDiscount(EstimateBuilder quote, string? frequency)
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

    private static void AddAppliances(EstimateBuilder quote, Profile profile, bool oven, bool fridge)
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
}
