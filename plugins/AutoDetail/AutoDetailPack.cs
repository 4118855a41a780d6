using ServicePro.Abstractions;

namespace ServicePro.Plugins.AutoDetail;

/// <summary>Mobile auto detailing: washes, interior and full details, and paint protection at the customer's curb.</summary>
public sealed class AutoDetailPack : IIndustryPack
{
    public string Slug => "auto_detail";

    public string Name => "Auto Detailing";

    public string Description =>
        "Mobile car detailing done in the customer's driveway or parking spot: hand washes and wax, interior deep cleans, "
        + "full details, headlight restoration and ceramic coatings. Prices by vehicle size and condition.";

    public string Icon => "car";

    public IReadOnlyList<ServiceDefinition> DefaultServices { get; } =
    [
        new(
            "full_detail",
            "Full Detail",
            "Inside and out. Hand wash, wheels, tires and wheel wells, clay bar decontamination and a spray sealant; "
            + "vacuum of seats, carpets and trunk, carpet and mat shampoo, dash, console, vents and door jambs wiped and "
            + "dressed, leather cleaned and conditioned, and streak-free glass inside and out.",
            150, 250, 150, 240, IsOutdoor: true),
        new(
            "interior_detail",
            "Interior Detail",
            "Thorough vacuum including trunk and under the seats, hot-water extraction of carpet and cloth-seat stains, "
            + "leather cleaned and conditioned, dash, console, cup holders, vents and door panels detailed, "
            + "door jambs wiped and interior glass cleaned.",
            100, 150, 90, 180, IsOutdoor: true),
        new(
            "exterior_wash_wax",
            "Exterior Wash & Wax",
            "Two-bucket hand wash, wheels, tires and wheel wells cleaned, bug and tar removal, hand-applied wax "
            + "(about two to three months of protection), tire dressing and exterior glass.",
            75, 125, 60, 120, IsOutdoor: true),
        new(
            "ceramic_coating",
            "Ceramic Coating",
            "Decontamination wash, iron remover and clay bar, machine polish to remove light swirls, panel-prep wipe, "
            + "then a professional ceramic coating on paint, wheels faces and glass for years of gloss and easier washing. "
            + "Needs a dry, shaded or covered spot, and the car should stay dry for 24 hours afterwards.",
            500, 1000, 240, 480, IsOutdoor: true),
        new(
            "headlight_restoration",
            "Headlight Restoration",
            "Wet-sand and machine-polish cloudy or yellowed headlight lenses, then seal them with a UV-resistant coat "
            + "so they stay clear. Brighter night driving and a fresher look.",
            60, 100, 45, 75, IsOutdoor: true),
        new(
            "engine_bay_cleaning",
            "Engine Bay Cleaning",
            "Electronics covered, degreased and gently rinsed at low pressure, then hoses and plastics dressed. "
            + "Makes leaks easy to spot and helps at resale.",
            50, 90, 45, 75, IsOutdoor: true),
    ];

    public IReadOnlyList<IntakeField> IntakeFields { get; } =
    [
        new(
            "vehicle_size", "Vehicle size", IntakeFieldType.Choice, Required: true,
            Options:
            [
                new("compact", "Compact car or coupe"),
                new("sedan", "Sedan or hatchback"),
                new("suv", "Small or midsize SUV / crossover (2 rows)"),
                new("large_suv", "Large SUV (3 rows)"),
                new("truck", "Pickup truck"),
                new("van", "Minivan or van"),
            ],
            Help: "Bigger vehicles take more product and time."),
        new(
            "vehicle_make_model", "Year, make and model", IntakeFieldType.Text, Required: true,
            Help: "For example 2021 Toyota RAV4, so we bring the right products for your paint and interior."),
        new(
            "vehicle_color", "Vehicle color", IntakeFieldType.Text, Required: false,
            Help: "Helps us find it in a lot or garage."),
        new(
            "condition", "How dirty is it?", IntakeFieldType.Choice, Required: true,
            Options:
            [
                new("light", "Light: cleaned regularly, some dust and crumbs"),
                new("normal", "Normal: everyday dirt, a few spills or water spots"),
                new("heavy", "Heavy: stains, mud or sand, kid or pet mess, heavy buildup"),
            ]),
        new(
            "pet_hair", "Is there pet hair in the vehicle?", IntakeFieldType.YesNo, Required: false,
            Help: "Hair woven into carpet and seats has to be pulled out by hand and takes extra time."),
        new(
            "smoke_odor", "Smoke or other strong odors?", IntakeFieldType.YesNo, Required: false,
            Help: "We add an enzyme clean and an ozone treatment to neutralize the smell, not just cover it."),
        new(
            "paint_condition", "Paint condition", IntakeFieldType.Choice, Required: false,
            Options:
            [
                new("new", "New or like-new paint"),
                new("light_swirls", "Light swirls or water spots"),
                new("heavy_defects", "Heavy swirls, scratches, or dull and oxidized paint"),
            ],
            Help: "Only needed for a ceramic coating. Look at the paint in direct sun."),
        new(
            "hookups", "Is there a water spigot and power outlet we can use?", IntakeFieldType.YesNo, Required: false,
            Help: "We carry our own water and power, but hooking up to yours makes setup faster."),
        new(
            "parking_notes", "Where will the vehicle be parked?", IntakeFieldType.Text, Required: false,
            Help: "Driveway, garage level and spot number, gate or building codes."),
    ];

    // Rain spots fresh wax and a coating needs 24 dry hours; wind blows grit into wet paint; below 40°F water
    // freezes on the panels and wax won't cure; above 95°F product dries on the paint before it can be wiped off.
    public WeatherThresholds Weather { get; } = new(
        CancelOnRain: true,
        CancelOnSnow: true,
        RainThresholdInches: 0.1m,
        WindThresholdMph: 25,
        TempMinF: 40,
        TempMaxF: 95);

    // Half an hour covers driving between driveways plus packing up hoses and towels. A deposit holds the slot
    // because a four-hour coating blocks most of a day.
    public SchedulerDefaults Scheduler { get; } = new(DefaultBufferMinutes: 30, RequireDeposit: true, DepositPercentage: 25);

    public IReadOnlyDictionary<string, string> SmsTemplates { get; } = new Dictionary<string, string>
    {
        [MessageMoments.BookingConfirmation] =
            "{{ business.name }}: you're booked, {{ customer.first_name }}! {{ booking.service }} on {{ booking.date }} at {{ booking.time }}, "
            + "{{ booking.address }}. Please leave the vehicle unlocked near a water spigot. Changes: {{ reschedule_url }} Reply STOP to opt out",
        [MessageMoments.Reminder] =
            "{{ business.name }} reminder: {{ booking.service }} on {{ booking.date }} at {{ booking.time }}. Please clear out personal items "
            + "and car seats and park near a spigot and outlet. Need to move it? {{ reschedule_url }}",
        [MessageMoments.OnMyWay] =
            "{{ business.name }}: {{ technician.first_name }} is on the way, about {{ eta_minutes }} min out. Please have the vehicle unlocked "
            + "or the keys handy. Questions? {{ business.phone }}",
        [MessageMoments.WeatherReschedule] =
            "{{ business.name }}: weather alert for your {{ booking.service }} on {{ booking.date }}: {{ weather.reason }}. "
            + "Rain and grit ruin fresh wax, so let's move it, no fee: {{ reschedule_url }} or call {{ business.phone }}",
        [MessageMoments.ReviewRequest] =
            "Thanks for choosing {{ business.name }}, {{ customer.first_name }}! Hope you're enjoying the shine. "
            + "Could you leave {{ technician.first_name }} a quick review? {{ review_url }}",
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
            Location: {{ booking.address }}

            To get the best result:
            - Leave the vehicle unlocked (or have the keys ready) and parked where we can walk all the way around it.
            - If you can, park near a water spigot and an outdoor outlet. We carry our own, but hookups speed things up.
            - Take out valuables, car seats and anything you don't want moved. We'll bag loose items we find.
            - For a ceramic coating, plan on keeping the car dry for 24 hours afterwards.

            Your price range was set from the answers you gave us; your technician confirms the final price after a quick walk-around, before any work starts.

            Need a different time? {{ reschedule_url }}

            See you soon,
            {{ business.name }}
            {{ business.phone }}
            """),
        [MessageMoments.Reminder] = new(
            "Reminder: {{ booking.service }} on {{ booking.date }}",
            """
            Hi {{ customer.first_name }},

            A quick reminder that {{ business.name }} is coming to {{ booking.address }} for your {{ booking.service }} on {{ booking.date }} at {{ booking.time }}.

            Before we arrive, please:
            - Clear out personal items, trash and car seats.
            - Leave the vehicle unlocked or the keys handy.
            - If you can, park near a water spigot and an outdoor outlet.

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

            Please make sure the vehicle is unlocked or the keys are handy. If anything has changed (a different parking spot, a gate code), call or text {{ business.phone }}.

            {{ business.name }}
            """),
        [MessageMoments.WeatherReschedule] = new(
            "Weather update for your {{ booking.service }} on {{ booking.date }}",
            """
            Hi {{ customer.first_name }},

            We keep an eye on the forecast for every outdoor job, and it doesn't look good for your {{ booking.service }} on {{ booking.date }} at {{ booking.time }}: {{ weather.reason }}.

            Water spots, blowing grit and cold or extreme heat keep wax, sealants and coatings from bonding, and we'd rather move your appointment than hand back a car that looks worse in a day.

            Please pick a new time here, no fee: {{ reschedule_url }}
            Or call us at {{ business.phone }} and we'll find one together.

            Thanks for understanding,
            {{ business.name }}
            """),
        [MessageMoments.ReviewRequest] = new(
            "How does your car look, {{ customer.first_name }}?",
            """
            Hi {{ customer.first_name }},

            Thanks for trusting {{ business.name }} with your car. We hope {{ technician.first_name }} left it looking and smelling like new.

            If you have a minute, a short review helps a small local business more than anything else:
            {{ review_url }}

            If anything wasn't right, reply to this email or call {{ business.phone }} and we'll make it right.

            {{ business.name }}
            """),
    };

    public AiPrompts AiPrompts { get; } = new(
        SystemPrompt: """
            You are the booking assistant for a mobile auto detailing business. You talk with customers by SMS, web chat and
            email, answer questions about services, collect what the detailer needs, and book appointments. The detailer
            comes to the customer: a driveway, a garage or an office parking lot.

            What to find out before you quote or book: the service they want (Full Detail, Interior Detail, Exterior Wash &
            Wax, Ceramic Coating, Headlight Restoration, Engine Bay Cleaning); the vehicle's year, make and model and its
            size (compact, sedan, SUV or crossover, 3-row SUV, pickup truck, minivan or van); how dirty it is (light, normal
            or heavy); whether there is pet hair or a smoke or other strong odor; for a ceramic coating, what the paint looks
            like in direct sun; and where the car will be parked, including whether there is a spigot and outlet, and any
            gate or garage codes. Ask one or two questions at a time, never a long form.

            How to talk about price: give the range for the service, and explain what moves it (bigger vehicles, heavy
            soil, pet hair, odor treatment, paint correction before a coating). Never promise an exact price before the
            intake questions are answered, and say that the technician confirms the final price on a walk-around before
            starting. Do not invent discounts, packages or services the business hasn't listed. A deposit may be required
            to hold the slot; say so when you book.

            Hand off to a person (tell the customer someone from the business will follow up, and don't guess) when:
            the vehicle has biohazards (mold, vomit, bodily fluids) or a severe infestation; the customer asks about paint
            damage, scratches that catch a fingernail, dents, or anything body-shop related; it is a fleet, dealership or
            commercial account; it is an RV, boat, motorcycle, exotic or collector car; the customer is upset, disputes a
            charge or reports damage; or they ask for anything you are unsure of.

            Weather matters: this is outdoor work and rain, snow, high wind and extreme temperatures can move an
            appointment. Set that expectation for coatings in particular, which need a dry day and 24 dry hours afterwards.

            Tone: friendly, confident and plain-spoken, like a detailer who takes pride in the work. By SMS keep every
            reply under about 300 characters, one message at a time, no emoji walls and no markdown. Use the customer's
            first name once you know it. Never ask for card numbers in chat; send the booking link for payment.
            """,
        BioCoachPrompt: """
            You help a mobile auto detailer write the short bio customers see when they book and in the "on my way" message.
            Customers are letting this person work on one of their most expensive possessions, so the bio should build trust
            quickly.

            Ask for, or work from, what the technician gives you: years detailing, what they enjoy (paint correction,
            interiors, coatings), any certifications or coating-brand training, and something human (a car they love, a
            family or local detail). Write 2 to 4 sentences, first person, under 450 characters, warm and specific. Favor
            concrete details ("six years detailing, certified ceramic coating installer") over superlatives ("best in town").
            Do not invent credentials, years, awards or insurance claims, and leave out last names, ages, home
            neighborhoods and contact details. Offer one version, then ask if they want it more casual or more professional.
            """);

    // Four to six details a year plus occasional coatings: one point per dollar makes Silver reachable in a year
    // for a regular and puts a coating customer straight into Silver or Gold.
    public LoyaltyProgram Loyalty { get; } = new(
        PointsPerDollar: 1,
        Tiers:
        [
            new("Bronze", 0, ["1 point for every dollar spent", "Free air freshener and tire shine with every detail"]),
            new("Silver", 500, ["5% off every service", "Free pet hair removal once a quarter"]),
            new("Gold", 1000, ["10% off every service", "Free spray-sealant upgrade on every Exterior Wash & Wax", "Priority booking on Saturdays"]),
            new("Platinum", 2000, ["15% off every service", "Free Headlight Restoration once a year", "First pick of rain-check dates when weather moves a job"]),
        ]);

    public IReadOnlyDictionary<string, bool> FeatureDefaults { get; } = new Dictionary<string, bool>
    {
        // All work is outdoors and rain ruins wax and coatings.
        [FeatureFlags.WeatherRescheduling] = true,
        // Customers hand over keys to a stranger at their curb; a photo of the technician and the van builds trust.
        [FeatureFlags.OnTheWayPhotos] = true,
        // Detailing is discretionary and repeat visits are the margin.
        [FeatureFlags.LoyaltyProgram] = true,
    };

    public JobEstimate Estimate(ServiceDefinition service, IntakeAnswers answers) => AutoDetailEstimator.Estimate(service, answers);
}
