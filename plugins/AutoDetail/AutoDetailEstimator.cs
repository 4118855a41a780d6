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
        var quote = new EstimateBuilder(service);

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

    private static void AddVehicleSize(EstimateBuilder quote, string? size)
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

    private static void AddCondition(EstimateBuilder quote, Profile profile, string? condition)
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

    private static void AddPaintCorrection(EstimateBuilder quote, string? paint)
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
}
