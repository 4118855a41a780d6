using ServicePro.Abstractions;

namespace ServicePro.Plugins.LawnCare;

/// <summary>
/// Prices a lawn job the way a lawn care operator quotes one: the service's starting price covers a small
/// suburban lawn, every extra 1,000 sq ft adds a fixed amount, and tall grass, slopes and obstacles add to that.
/// </summary>
internal static class LawnCareEstimator
{
    // On turf, time is close to linear in area once the first few thousand square feet have paid for the
    // truck stop, unloading and the trim pass.
    private const decimal IncludedSquareFeet = 5_000m;
    private const decimal OneAcre = 43_560m;

    private enum Work
    {
        Mowing,
        Fertilizing,
        Aerating,
        Seeding,
        Leaves,
        Other,
    }

    private sealed record Profile(Work Work, decimal DollarsPerThousand, decimal MinutesPerThousand);

    private static Profile ProfileFor(string key) => key switch
    {
        "mowing_edging" => new(Work.Mowing, 3, 3),
        "fertilization" => new(Work.Fertilizing, 4, 3),
        "aeration" => new(Work.Aerating, 6, 5),
        "overseeding" => new(Work.Seeding, 7, 4),
        "leaf_cleanup" => new(Work.Leaves, 12, 10),
        _ => new(Work.Other, 4, 4),
    };

    public static JobEstimate Estimate(ServiceDefinition service, IntakeAnswers answers)
    {
        var profile = ProfileFor(service.Key);
        var quote = new EstimateBuilder(service);

        AddArea(quote, profile, answers.Number("lot_size_sqft"));
        AddGrassHeight(quote, profile.Work, answers.Text("grass_height"));
        AddTerrain(quote, profile.Work, answers.Text("terrain"));
        AddObstacles(quote, profile.Work, answers.Text("obstacles"));

        if (profile.Work == Work.Mowing && answers.YesNo("bag_clippings"))
        {
            quote.Flat("Bagging and hauling away clippings", 10, 10);
        }

        if (profile.Work == Work.Aerating && answers.YesNo("irrigation"))
        {
            quote.Flat("Flagging sprinkler heads so the aerator misses them", 0, 10);
        }

        return quote.Build();
    }

    private static void AddArea(EstimateBuilder quote, Profile profile, decimal? squareFeet)
    {
        if (squareFeet is not { } area)
        {
            quote.Note(FormattableString.Invariant($"Lawn size not given: priced at {IncludedSquareFeet:N0} sq ft and confirmed on site"));
            return;
        }

        var extraThousands = Math.Ceiling(Math.Max(0, area - IncludedSquareFeet) / 1_000m);
        if (extraThousands > 0)
        {
            quote.Flat(
                FormattableString.Invariant($"Lawn area {area:N0} sq ft: {extraThousands:N0} × 1,000 sq ft beyond the first {IncludedSquareFeet:N0}"),
                extraThousands * profile.DollarsPerThousand,
                extraThousands * profile.MinutesPerThousand);
        }

        if (area > OneAcre)
        {
            quote.Note("Lawns over an acre are measured and confirmed on site");
        }
    }

    private static void AddGrassHeight(EstimateBuilder quote, Work work, string? height)
    {
        switch (work, height)
        {
            case (Work.Mowing or Work.Other, "tall"):
                quote.Percent("Tall grass (4–8 in)", 25, 30, "for a slower cut and extra clippings");
                break;
            case (Work.Mowing or Work.Other, "overgrown"):
                quote.Percent("Overgrown grass (over 8 in)", 60, 80, "for a double cut and heavy clippings");
                break;

            // Aerator tines and seed need to reach soil; long grass has to come down first.
            case (Work.Aerating or Work.Seeding, "tall" or "overgrown"):
                quote.Note("Grass over 4 in needs mowing first: add Mowing & Edging to the same visit");
                break;
            default:
                break;
        }
    }

    private static void AddTerrain(EstimateBuilder quote, Work work, string? terrain)
    {
        switch (work, terrain)
        {
            case (Work.Fertilizing, "steep"):
                quote.Percent("Steep slopes", 10, 10, "for spreading on hills by hand");
                break;
            case (Work.Fertilizing, _):
                break;
            case (_, "some_slope"):
                quote.Percent("Some slopes", 10, 10, "for slower passes on grades");
                break;
            case (_, "steep"):
                quote.Percent("Steep slopes", 20, 25, "for hills and embankments worked by push mower or hand");
                break;
            default:
                break;
        }
    }

    private static void AddObstacles(EstimateBuilder quote, Work work, string? obstacles)
    {
        switch (work, obstacles)
        {
            case (Work.Mowing or Work.Leaves, "some"):
                quote.Percent("Some beds, trees or play sets", 5, 10, "for trimming and clearing around them");
                break;
            case (Work.Mowing or Work.Leaves, "many"):
                quote.Percent("Many beds, trees and fence lines", 15, 20, "for trimming and clearing around them");
                break;
            case (Work.Aerating, "many"):
                quote.Percent("Many beds and trees", 5, 10, "for working the aerator around them");
                break;
            case (Work.Other, "some"):
                quote.Percent("Some beds, trees or play sets", 5, 5, "for working around them");
                break;
            case (Work.Other, "many"):
                quote.Percent("Many beds, trees and fence lines", 10, 10, "for working around them");
                break;
            default:
                break;
        }
    }
}
