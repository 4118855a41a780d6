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
        var quote = new EstimateBuilder(service);
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

    private static void AddSize(EstimateBuilder quote, bool isCat, decimal? weight)
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

    private static void AddNailTrimSize(EstimateBuilder quote, bool isCat, decimal? weight)
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

    private static void AddCoatType(EstimateBuilder quote, string? coat)
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

    private static void AddCoatCondition(EstimateBuilder quote, string? condition)
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

    private static void AddTemperament(EstimateBuilder quote, Work work, string? temperament)
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
}
