using ServicePro.Abstractions;

namespace ServicePro.Plugins.HouseCleaning;

/// <summary>Residential house cleaning: recurring upkeep, deep cleans, move-in/move-out and rental turnovers.</summary>
public sealed class HouseCleaningPack : IIndustryPack
{
    public string Slug => "house_cleaning";

    public string Name => "House Cleaning";

    public string Description =>
        "Residential cleaning on weekly, every-other-week or monthly plans, plus one-time deep cleans, move-in and "
        + "move-out cleans and vacation rental turnovers. Prices by bedrooms, bathrooms, square footage, condition and pets.";

    public string Icon => "sparkles";

    public IReadOnlyList<ServiceDefinition> DefaultServices { get; } =
    [
        new(
            "standard_cleaning",
            "Standard Cleaning",
            "Regular upkeep of the whole home: kitchen counters, sink, stovetop and appliance fronts wiped; bathrooms "
            + "scrubbed and disinfected (toilet, tub and shower, sink, mirrors); reachable surfaces dusted; floors vacuumed "
            + "and mopped; beds made and trash taken out.",
            100, 200, 120, 240, IsOutdoor: false),
        new(
            "deep_cleaning",
            "Deep Cleaning",
            "Everything in a Standard Cleaning plus hand-wiped baseboards, doors, frames and switch plates, blinds, ceiling "
            + "fans and light fixtures, cabinet fronts, the inside of the microwave, and soap scum, hard-water and grout "
            + "buildup scrubbed away. Recommended for a first visit or once or twice a year.",
            200, 400, 240, 480, IsOutdoor: false),
        new(
            "move_in_out",
            "Move-In/Out",
            "For an empty home: inside every cabinet, drawer and closet, inside the oven, fridge and dishwasher, "
            + "baseboards, window sills and tracks, walls spot-cleaned and bathrooms descaled. Leaves the home ready for "
            + "the walk-through or the new owners.",
            250, 500, 300, 600, IsOutdoor: false),
        new(
            "vacation_rental_turnover",
            "Vacation Rental Turnover",
            "Between-guest clean for short-term rentals: beds stripped and remade with fresh linens, towels swapped, kitchen "
            + "and bathrooms cleaned and disinfected, floors done, trash out, supplies restocked from your stock, and a photo "
            + "report of anything damaged or missing.",
            80, 180, 90, 180, IsOutdoor: false),
    ];

    public IReadOnlyList<IntakeField> IntakeFields { get; } =
    [
        new(
            "bedrooms", "Bedrooms", IntakeFieldType.Number, Required: true,
            Min: 0, Max: 10, Unit: "bedrooms",
            Help: "Use 0 for a studio."),
        new(
            "bathrooms", "Bathrooms", IntakeFieldType.Number, Required: true,
            Min: 1, Max: 10, Unit: "bathrooms",
            Help: "Count a half bath (toilet and sink only) as .5, for example 2.5."),
        new(
            "square_feet", "Home size", IntakeFieldType.Number, Required: false,
            Min: 300, Max: 10_000, Unit: "sq ft",
            Help: "Finished living space. A rough number is fine."),
        new(
            "condition", "How is the home right now?", IntakeFieldType.Choice, Required: true,
            Options:
            [
                new("well_kept", "Well kept: professionally cleaned in the last month"),
                new("average", "Average: lived-in, you keep up with it yourself"),
                new("needs_attention", "Needs extra attention: heavy buildup, grease, soap scum or clutter"),
            ]),
        new(
            "frequency", "How often would you like us?", IntakeFieldType.Choice, Required: false,
            Options:
            [
                new("one_time", "Just once"),
                new("weekly", "Every week"),
                new("biweekly", "Every 2 weeks"),
                new("monthly", "Every 4 weeks"),
            ],
            Help: "Recurring plans get a discount on Standard Cleaning."),
        new(
            "pets", "Pets in the home?", IntakeFieldType.YesNo, Required: false,
            Help: "Pet hair adds time. Please keep pets secured while we clean."),
        new(
            "inside_oven", "Add inside the oven?", IntakeFieldType.YesNo, Required: false),
        new(
            "inside_fridge", "Add inside the fridge?", IntakeFieldType.YesNo, Required: false,
            Help: "Please empty it or let us know what can go in the trash."),
        new(
            "entry_instructions", "How will we get in?", IntakeFieldType.Text, Required: false,
            Help: "Someone home, lockbox or door code, garage code, alarm notes."),
    ];

    // Cleaning is indoors, so only getting the team and supplies there matters: ice and snow on the roads,
    // hurricane-force wind, or cold and heat extreme enough that authorities tell people to stay home. The rain
    // threshold only applies if an owner turns rain cancellation on; 2 in a day is flash-flood rain.
    public WeatherThresholds Weather { get; } = new(
        CancelOnRain: false,
        CancelOnSnow: true,
        RainThresholdInches: 2.0m,
        WindThresholdMph: 45,
        TempMinF: -10,
        TempMaxF: 110);

    // Condition is only really known once the team walks in, so cleanings overrun more than other trades, and
    // teams cross town between homes. Customers expect to put a card on file and pay after the clean; lockouts
    // and late cancellations are handled with a fee rather than an upfront deposit.
    public SchedulerDefaults Scheduler { get; } = new(DefaultBufferMinutes: 45, RequireDeposit: false, DepositPercentage: 0);

    public IReadOnlyDictionary<string, string> SmsTemplates { get; } = new Dictionary<string, string>
    {
        [MessageMoments.BookingConfirmation] =
            "{{ business.name }}: you're booked, {{ customer.first_name }}! {{ booking.service }} on {{ booking.date }} at {{ booking.time }}, "
            + "{{ booking.address }}. Please secure pets and valuables. Changes: {{ reschedule_url }} Reply STOP to opt out",
        [MessageMoments.Reminder] =
            "{{ business.name }} reminder: {{ booking.service }} on {{ booking.date }} at {{ booking.time }}. Please pick up clutter, "
            + "secure pets and valuables, and leave entry instructions if you'll be out. Changes: {{ reschedule_url }}",
        [MessageMoments.OnMyWay] =
            "{{ business.name }}: {{ technician.first_name }} is about {{ eta_minutes }} min away. Please make sure we can get in "
            + "and pets are secured. Questions? {{ business.phone }}",
        [MessageMoments.WeatherReschedule] =
            "{{ business.name }}: weather alert for {{ booking.date }}: {{ weather.reason }}. It isn't safe for our team to drive, "
            + "so let's move your {{ booking.service }}: {{ reschedule_url }} or {{ business.phone }}",
        [MessageMoments.ReviewRequest] =
            "Thanks for choosing {{ business.name }}, {{ customer.first_name }}! We hope you're enjoying a fresh, clean home. "
            + "Would you leave {{ technician.first_name }} a quick review? {{ review_url }}",
    };

    public IReadOnlyDictionary<string, EmailTemplate> EmailTemplates { get; } = new Dictionary<string, EmailTemplate>
    {
        [MessageMoments.BookingConfirmation] = new(
            "Your {{ booking.service }} is booked for {{ booking.date }}",
            """
            Hi {{ customer.first_name }},

            Thanks for booking with {{ business.name }}. Here are your details:

            Service: {{ booking.service }}
            Date: {{ booking.date }} at {{ booking.time }}
            Address: {{ booking.address }}

            We bring all our own supplies and equipment. If you'd like us to use your products on any surface, leave them out with a note.

            Before we arrive, please:
            - Secure pets in a room or crate we don't need to clean, or let us know where they'll be.
            - Put away valuables, cash, jewelry and medications.
            - Pick up clutter, clothes and dishes so we can spend our time cleaning.
            - Tell us about surfaces that need special care (marble, natural stone, unsealed wood).
            - If you won't be home, add entry instructions (lockbox or door code, alarm) to your booking.
            - For a move-out clean, make sure the water and power are still on.

            Your price range came from the details you gave us. If the home turns out very different from the description, the team lead will talk it through with you before going over the range.

            Need a different time? {{ reschedule_url }}

            See you soon,
            {{ business.name }}
            {{ business.phone }}
            """),
        [MessageMoments.Reminder] = new(
            "Reminder: {{ booking.service }} on {{ booking.date }}",
            """
            Hi {{ customer.first_name }},

            A quick reminder that {{ business.name }} will be at {{ booking.address }} on {{ booking.date }} at {{ booking.time }} for your {{ booking.service }}.

            Please secure pets and valuables, pick up clutter, and make sure we can get in. If you'll be out, add entry instructions to your booking or reply with them.

            If the timing no longer works, you can pick a new slot here: {{ reschedule_url }}

            Thanks,
            {{ business.name }}
            {{ business.phone }}
            """),
        [MessageMoments.OnMyWay] = new(
            "{{ technician.first_name }} is on the way",
            """
            Hi {{ customer.first_name }},

            {{ technician.first_name }} from {{ business.name }} is heading to {{ booking.address }} and should arrive in about {{ eta_minutes }} minutes for your {{ booking.service }}.

            Please make sure we can get in and pets are secured. If anything has changed, call or text {{ business.phone }}.

            {{ business.name }}
            """),
        [MessageMoments.WeatherReschedule] = new(
            "Weather update for your cleaning on {{ booking.date }}",
            """
            Hi {{ customer.first_name }},

            Ordinary rain never stops us, but the forecast for {{ booking.date }} is severe enough that it isn't safe for our team to drive to you: {{ weather.reason }}.

            Please pick a new time for your {{ booking.service }} here, no fee: {{ reschedule_url }}
            Or call us at {{ business.phone }} and we'll find the next good slot together.

            Thanks for understanding,
            {{ business.name }}
            """),
        [MessageMoments.ReviewRequest] = new(
            "How does the house look, {{ customer.first_name }}?",
            """
            Hi {{ customer.first_name }},

            Thanks for trusting {{ business.name }} with your home. We hope {{ technician.first_name }} left everything fresh and spotless.

            If you have a minute, a short review helps a local business more than anything else:
            {{ review_url }}

            If we missed anything, reply to this email or call {{ business.phone }} within 24 hours and we'll come back and re-clean it.

            {{ business.name }}
            """),
    };

    public AiPrompts AiPrompts { get; } = new(
        SystemPrompt: """
            You are the booking assistant for a residential house cleaning company. You talk with customers by SMS, web chat
            and email, answer questions about services, collect what the cleaning team needs, and book one-time or recurring
            cleanings.

            What to find out before you quote or book: the service (Standard Cleaning, Deep Cleaning, Move-In/Out, Vacation
            Rental Turnover); the number of bedrooms and bathrooms (a half bath counts as .5) and roughly the square footage;
            the home's current condition; pets; how often they want cleaning (once, weekly, every 2 weeks, every 4 weeks);
            add-ons like inside the oven or fridge; surfaces needing special care; and how the team gets in (someone home,
            lockbox, door or garage code, alarm). Ask one or two questions at a time, never a long form.

            How to talk about price: give the range for the service and explain what moves it (home size, extra bathrooms,
            condition, pet hair, add-ons; recurring plans get a discount on Standard Cleaning). Never promise an exact price
            before the intake questions are answered, and say the team lead confirms it on arrival if the home is very
            different from the description. Recommend honestly: a first visit on a recurring plan usually needs a Deep
            Cleaning to reset the home, and a move-out clean assumes the home is empty. The team brings its own supplies.
            Do not invent discounts or services the business hasn't listed.

            Hand off to a person (say someone from the business will follow up, and don't guess) when: the home has
            hoarding, mold, biohazards (bodily fluids, needles, pest droppings), bed bugs or another infestation; it is
            post-construction or post-renovation dust; it is an office or other commercial space, or a home over 5,000 sq ft;
            the customer wants carpet shampooing, exterior windows, or moving furniture and heavy items; they report damage,
            breakage or something missing; or they are upset or dispute a charge. Don't ask customers to text door or alarm
            codes; ask them to add entry instructions to their booking instead.

            Tone: warm, respectful and discreet. People can feel embarrassed about the state of their home, so never judge;
            reassure them this is what the team does every day. By SMS keep every reply under about 300 characters, one
            message at a time, no markdown. Use the customer's first name once you know it. Never ask for card numbers in
            chat; send the booking link for payment.
            """,
        BioCoachPrompt: """
            You help a house cleaner write the short bio customers see when they book and in the "on my way" message.
            Customers are letting this person into their home, often while they are out, so the bio should show they are
            trustworthy, careful and proud of their work.

            Work from what the cleaner gives you: years cleaning, what they are known for (detail work, kitchens, calm with
            pets, eco-friendly products), anything the company verifies (background check, bonded and insured) only if the
            cleaner says so, languages they speak, and something human (family, hobbies, why they like the work). Write 2 to
            4 sentences, first person, under 450 characters, warm and specific. Prefer concrete details over superlatives.
            Do not invent checks, years or awards, and leave out last names, ages, home neighborhoods and contact details.
            Offer one version, then ask whether they want it more casual or more professional.
            """);

    // An every-other-week home spends about $3,500 a year, so one point per dollar reaches Platinum in the first
    // year; one-time deep and move-out customers still reach Silver.
    public LoyaltyProgram Loyalty { get; } = new(
        PointsPerDollar: 1,
        Tiers:
        [
            new("Bronze", 0, ["1 point for every dollar spent", "Free inside-microwave clean with every visit"]),
            new("Silver", 500, ["5% off every cleaning", "Free inside-fridge clean once a quarter"]),
            new("Gold", 1000, ["10% off every cleaning", "Free inside-oven clean once a quarter", "Priority booking before holidays"]),
            new("Platinum", 2000, ["15% off every cleaning", "Free interior window cleaning twice a year", "First pick of dates in spring-cleaning and moving season"]),
        ]);

    public IReadOnlyDictionary<string, bool> FeatureDefaults { get; } = new Dictionary<string, bool>
    {
        // Indoor work; the rare storm that keeps the team off the road is rescheduled by hand.
        [FeatureFlags.WeatherRescheduling] = false,
        // Most of a cleaning company's revenue is weekly and every-other-week homes.
        [FeatureFlags.RecurringServices] = true,
        // Customers let the team into their home, often while out; a photo of who is coming builds trust.
        [FeatureFlags.OnTheWayPhotos] = true,
    };

    public JobEstimate Estimate(ServiceDefinition service, IntakeAnswers answers) => HouseCleaningEstimator.Estimate(service, answers);
}
