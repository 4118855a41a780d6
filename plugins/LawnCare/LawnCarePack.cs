using ServicePro.Abstractions;

namespace ServicePro.Plugins.LawnCare;

/// <summary>Residential lawn care: recurring mowing plus seasonal fertilization, aeration, seeding and cleanups.</summary>
public sealed class LawnCarePack : IIndustryPack
{
    public string Slug => "lawn_care";

    public string Name => "Lawn Care";

    public string Description =>
        "Residential lawn mowing and edging on weekly or every-other-week routes, plus seasonal fertilization, "
        + "core aeration, overseeding and fall leaf cleanups. Prices by lawn size, grass height, slopes and obstacles.";

    public string Icon => "sprout";

    public IReadOnlyList<ServiceDefinition> DefaultServices { get; } =
    [
        new(
            "mowing_edging",
            "Mowing & Edging",
            "Mow at the right height for the season, string-trim around beds, fences, trees and the house, edge driveways, "
            + "walks and curbs, and blow clippings off all hard surfaces. Clippings are mulched back into the lawn unless "
            + "you ask us to bag them.",
            35, 75, 30, 90, IsOutdoor: true),
        new(
            "fertilization",
            "Fertilization",
            "Slow-release granular fertilizer applied with a broadcast spreader at the rate and blend your grass type needs "
            + "for the time of year, with spot treatment of broadleaf weeds. Keep kids and pets off until it has been "
            + "watered in.",
            50, 100, 45, 90, IsOutdoor: true),
        new(
            "aeration",
            "Aeration",
            "Core aeration with a walk-behind aerator that pulls soil plugs to relieve compaction and get water, air and "
            + "fertilizer to the roots. Best in early fall for cool-season grass and late spring for warm-season grass. "
            + "Please flag sprinkler heads and shallow lines.",
            75, 150, 60, 150, IsOutdoor: true),
        new(
            "overseeding",
            "Overseeding",
            "Premium seed matched to your grass type and sun, spread over the existing lawn to thicken thin and bare areas. "
            + "Best right after aeration; needs light daily watering for two to three weeks.",
            75, 175, 45, 120, IsOutdoor: true),
        new(
            "leaf_cleanup",
            "Leaf Cleanup",
            "Leaves blown and raked out of the lawn, beds and along fences, then mulched, bagged or hauled away. "
            + "Keeps grass from smothering and molding over winter.",
            100, 300, 90, 240, IsOutdoor: true),
    ];

    public IReadOnlyList<IntakeField> IntakeFields { get; } =
    [
        new(
            "lot_size_sqft", "Lawn area", IntakeFieldType.Number, Required: true,
            Min: 500, Max: 87_120, Unit: "sq ft",
            Help: "Grass only, not the house or driveway. A quarter-acre lot usually has about 7,000 sq ft of lawn; "
                + "one acre is 43,560 sq ft. A best guess is fine; we confirm on the first visit."),
        new(
            "grass_height", "How tall is the grass right now?", IntakeFieldType.Choice, Required: true,
            Options:
            [
                new("regular", "Under 4 in: mowed in the last week or two"),
                new("tall", "4 to 8 in: missed a mow or two"),
                new("overgrown", "Over 8 in: overgrown, or the first cut of the season"),
            ]),
        new(
            "terrain", "Slopes", IntakeFieldType.Choice, Required: false,
            Options:
            [
                new("flat", "Mostly flat"),
                new("some_slope", "Some gentle slopes"),
                new("steep", "Steep hills, ditches or embankments"),
            ]),
        new(
            "obstacles", "What do we trim around?", IntakeFieldType.Choice, Required: false,
            Options:
            [
                new("few", "Open lawn, few obstacles"),
                new("some", "Some beds, trees or a play set"),
                new("many", "Many beds, trees, fence lines and edges"),
            ]),
        new(
            "grass_type", "Grass type", IntakeFieldType.Choice, Required: false,
            Options:
            [
                new("cool_season", "Cool-season: fescue, bluegrass, ryegrass"),
                new("warm_season", "Warm-season: Bermuda, zoysia, St. Augustine, centipede"),
                new("not_sure", "Not sure"),
            ],
            Help: "Sets mowing height, the fertilizer blend and the best months for aeration and seeding."),
        new(
            "gated_yard", "Is any of the lawn behind a gate?", IntakeFieldType.YesNo, Required: false,
            Help: "Please leave gates unlocked on service day, or add the code below."),
        new(
            "gate_code", "Gate code or access notes", IntakeFieldType.Text, Required: false),
        new(
            "dog_in_yard", "Does a dog use the yard?", IntakeFieldType.YesNo, Required: false,
            Help: "Please keep pets inside while we work and pick up pet waste beforehand; mowers throw it."),
        new(
            "bag_clippings", "Bag and haul away clippings?", IntakeFieldType.YesNo, Required: false,
            Help: "We mulch clippings back into the lawn by default, which feeds it. Bagging adds time."),
        new(
            "irrigation", "In-ground sprinkler system?", IntakeFieldType.YesNo, Required: false,
            Help: "For aeration, please flag sprinkler heads or tell us where shallow lines run."),
    ];

    // A quarter inch soaks turf: mowers tear wet grass, clump clippings and rut soft soil, and fertilizer washes
    // off. Lighter showers usually dry off within the day's route. Below 40°F grass is dormant or frosted (mowing
    // frost kills the blades), and above 100°F cutting scorches stressed turf and puts crews at risk of heat illness.
    // Wind under 30 mph doesn't stop a mow; above it blowing clippings and spreading fertilizer is wasted work.
    public WeatherThresholds Weather { get; } = new(
        CancelOnRain: true,
        CancelOnSnow: true,
        RainThresholdInches: 0.25m,
        WindThresholdMph: 30,
        TempMinF: 40,
        TempMaxF: 100);

    // Route work: houses are a few minutes apart and mows are short, so a long buffer wastes the day. Jobs are
    // small, recurring and billed after service, so a deposit would only cost bookings.
    public SchedulerDefaults Scheduler { get; } = new(DefaultBufferMinutes: 15, RequireDeposit: false, DepositPercentage: 0);

    public IReadOnlyDictionary<string, string> SmsTemplates { get; } = new Dictionary<string, string>
    {
        [MessageMoments.BookingConfirmation] =
            "{{ business.name }}: {{ customer.first_name }}, your {{ booking.service }} is set for {{ booking.date }} at {{ booking.time }}, "
            + "{{ booking.address }}. Please unlock gates and pick up toys and pet waste. Changes: {{ reschedule_url }} Reply STOP to opt out",
        [MessageMoments.Reminder] =
            "{{ business.name }} reminder: {{ booking.service }} on {{ booking.date }} around {{ booking.time }}. No need to be home. "
            + "Please unlock gates, keep pets inside and pick up toys, hoses and pet waste. Changes: {{ reschedule_url }}",
        [MessageMoments.OnMyWay] =
            "{{ business.name }}: {{ technician.first_name }} is about {{ eta_minutes }} min away. Please make sure gates are unlocked "
            + "and pets are inside. Questions? {{ business.phone }}",
        [MessageMoments.WeatherReschedule] =
            "{{ business.name }}: weather alert for your {{ booking.service }} on {{ booking.date }}: {{ weather.reason }}. "
            + "Working wet turf tears grass and ruts the lawn, so let's move it: {{ reschedule_url }} or {{ business.phone }}",
        [MessageMoments.ReviewRequest] =
            "Thanks for choosing {{ business.name }}, {{ customer.first_name }}! How does the lawn look? A quick review for "
            + "{{ technician.first_name }} and the crew means a lot: {{ review_url }}",
    };

    public IReadOnlyDictionary<string, EmailTemplate> EmailTemplates { get; } = new Dictionary<string, EmailTemplate>
    {
        [MessageMoments.BookingConfirmation] = new(
            "Your {{ booking.service }} is booked for {{ booking.date }}",
            """
            Hi {{ customer.first_name }},

            Thanks for booking with {{ business.name }}. Here are your details:

            Service: {{ booking.service }}
            Date: {{ booking.date }}, arriving around {{ booking.time }}
            Address: {{ booking.address }}

            You don't need to be home. Before we arrive, please:
            - Unlock any gates, or send us the code.
            - Keep dogs inside while we work.
            - Pick up toys, hoses, furniture cushions and pet waste from the lawn; mowers throw whatever they hit.
            - For aeration, flag sprinkler heads and let us know about shallow lines or invisible dog fences.

            Your price range came from the lawn size and details you gave us. We confirm the final price on the first visit if the lawn turns out bigger or smaller than expected.

            Need a different day? {{ reschedule_url }}

            Thanks,
            {{ business.name }}
            {{ business.phone }}
            """),
        [MessageMoments.Reminder] = new(
            "Reminder: {{ booking.service }} on {{ booking.date }}",
            """
            Hi {{ customer.first_name }},

            A quick reminder that {{ business.name }} will be at {{ booking.address }} on {{ booking.date }} around {{ booking.time }} for your {{ booking.service }}.

            Please unlock gates, keep pets inside, and clear toys, hoses and pet waste from the lawn. You don't need to be home.

            If the day no longer works, you can pick a new one here: {{ reschedule_url }}

            Thanks,
            {{ business.name }}
            {{ business.phone }}
            """),
        [MessageMoments.OnMyWay] = new(
            "{{ technician.first_name }} is on the way",
            """
            Hi {{ customer.first_name }},

            {{ technician.first_name }} from {{ business.name }} is heading to {{ booking.address }} and should arrive in about {{ eta_minutes }} minutes for your {{ booking.service }}.

            Please make sure gates are unlocked and pets are inside. If anything has changed, call or text {{ business.phone }}.

            {{ business.name }}
            """),
        [MessageMoments.WeatherReschedule] = new(
            "Weather update for your {{ booking.service }} on {{ booking.date }}",
            """
            Hi {{ customer.first_name }},

            We check the forecast for every route, and it doesn't look good for your {{ booking.service }} on {{ booking.date }}: {{ weather.reason }}.

            Mowing or aerating soaked turf tears the grass and ruts the soil, and fertilizer put down before heavy rain washes off into the street. We'd rather come back on a good day than do the job badly.

            Please pick a new day here, no fee: {{ reschedule_url }}
            Or call us at {{ business.phone }} and we'll fit you in on the next dry day.

            Thanks for understanding,
            {{ business.name }}
            """),
        [MessageMoments.ReviewRequest] = new(
            "How does the lawn look, {{ customer.first_name }}?",
            """
            Hi {{ customer.first_name }},

            Thanks for choosing {{ business.name }}. We hope {{ technician.first_name }} and the crew left your lawn looking sharp.

            If you have a minute, a short review helps a local business more than anything else:
            {{ review_url }}

            If we missed a spot, reply to this email or call {{ business.phone }} and we'll come back and fix it.

            {{ business.name }}
            """),
    };

    public AiPrompts AiPrompts { get; } = new(
        SystemPrompt: """
            You are the booking assistant for a residential lawn care company. You talk with homeowners by SMS, web chat and
            email, answer questions about services, collect what the crew needs, and book one-time or recurring visits.

            What to find out before you quote or book: the service (Mowing & Edging, Fertilization, Aeration, Overseeding,
            Leaf Cleanup) and whether they want it once or on a schedule (weekly or every other week for mowing in the
            growing season); the address; roughly how big the lawn is in square feet (a quarter-acre lot is usually about
            7,000 sq ft of grass; if they don't know, take their best guess and say the crew confirms it on the first visit);
            how tall the grass is now; slopes; beds, trees and fences to trim around; gates and codes; dogs in the yard;
            and, for aeration, whether there is a sprinkler system. Ask one or two questions at a time.

            How to talk about price: give the range for the service and explain what moves it (lawn size, overgrown grass,
            steep slopes, lots of trimming, bagging clippings). Never promise an exact price before the intake questions are
            answered, and say the final price is confirmed on the first visit. Recommend seasonal timing honestly: aerate and
            overseed cool-season lawns (fescue, bluegrass, rye) in early fall, warm-season lawns (Bermuda, zoysia,
            St. Augustine) in late spring; never mow frosted grass. Do not invent discounts or services the business hasn't
            listed.

            Hand off to a person (say someone from the business will follow up, and don't guess) when: the property is
            commercial, an HOA or over an acre; the customer asks about pesticides, herbicides, insect or grub control,
            lawn disease or chemical safety beyond "keep kids and pets off until it's watered in and dry"; they want tree
            work, landscaping installs, sod, irrigation repair or hardscaping; they report damage (a broken sprinkler head,
            a thrown rock, a scuffed car); or they are upset or dispute a charge.

            Weather matters: rain, frost, heat waves and storms move outdoor work. Tell recurring customers that a rain day
            shifts their visit to the next dry day on the route.

            Tone: friendly, practical and neighborly. By SMS keep every reply under about 300 characters, one message at a
            time, no markdown. Use the customer's first name once you know it. Never ask for card numbers in chat; send the
            booking link for payment.
            """,
        BioCoachPrompt: """
            You help a lawn care technician or crew lead write the short bio customers see when they book and in the
            "on my way" message. Customers often aren't home, so the bio should make them comfortable with this person
            working on their property and opening their gate.

            Work from what the technician gives you: years in lawn care or landscaping, what they take pride in (clean
            stripes, sharp edges, bringing a tired lawn back), any training or licenses they actually hold (for example a
            pesticide applicator license), and something human (a local team they cheer for, their own garden, family).
            Write 2 to 4 sentences, first person, under 450 characters, friendly and specific. Prefer concrete details over
            superlatives. Do not invent licenses, years or awards, and leave out last names, ages, home neighborhoods and
            contact details. Offer one version, then ask whether they want it more casual or more professional.
            """);

    // A weekly-mow customer spends roughly $1,000–$2,000 a season at one point per dollar, so Gold is a
    // one-season customer and Platinum a loyal multi-service one.
    public LoyaltyProgram Loyalty { get; } = new(
        PointsPerDollar: 1,
        Tiers:
        [
            new("Bronze", 0, ["1 point for every dollar spent", "Free spring lawn check-up with your first visit of the season"]),
            new("Silver", 500, ["5% off aeration, overseeding and leaf cleanups", "Free clipping bagging during spring growth"]),
            new("Gold", 1000, ["10% off aeration, overseeding and leaf cleanups", "First back on the route after rain delays"]),
            new("Platinum", 2000, ["15% off aeration, overseeding and leaf cleanups", "One free core aeration each year", "Locked-in mowing price for next season"]),
        ]);

    public IReadOnlyDictionary<string, bool> FeatureDefaults { get; } = new Dictionary<string, bool>
    {
        // Everything is outdoors and rain or frost moves most routes several times a season.
        [FeatureFlags.WeatherRescheduling] = true,
        // Mowing is a weekly or every-other-week route; one-off bookings are the exception.
        [FeatureFlags.RecurringServices] = true,
        // Recurring season plans already carry retention; owners who want points can turn them on.
        [FeatureFlags.LoyaltyProgram] = false,
    };

    public JobEstimate Estimate(ServiceDefinition service, IntakeAnswers answers) => LawnCareEstimator.Estimate(service, answers);
}
