using ServicePro.Abstractions;

namespace ServicePro.Plugins.PetGrooming;

/// <summary>Mobile dog and cat grooming from a self-contained van parked at the customer's door.</summary>
public sealed class PetGroomingPack : IIndustryPack
{
    public string Slug => "pet_grooming";

    public string Name => "Pet Grooming";

    public string Description =>
        "Mobile dog and cat grooming in a heated, air-conditioned van parked at the customer's door: baths, "
        + "breed-standard and custom haircuts, de-shedding, puppy intro grooms and nail trims, one pet at a time. "
        + "Prices by weight, coat type, coat condition and temperament.";

    public string Icon => "paw-print";

    public IReadOnlyList<ServiceDefinition> DefaultServices { get; } =
    [
        new(
            "basic_bath",
            "Basic Bath",
            "Warm-water bath with a shampoo matched to the coat and skin, conditioner, hand dry and full brush-out, "
            + "nail trim, ear cleaning, and a light tidy of the feet and sanitary area. No haircut.",
            40, 80, 60, 120, IsOutdoor: false),
        new(
            "full_groom",
            "Full Groom",
            "Everything in the Basic Bath plus a full haircut, either breed standard or the style and length you ask for, "
            + "with face, feet and sanitary trim and filed nails.",
            60, 120, 90, 180, IsOutdoor: false),
        new(
            "nail_trim",
            "Nail Trim",
            "Nails clipped or ground smooth, with a quick check of paws and pads. Good between grooms every three to four weeks.",
            15, 25, 15, 30, IsOutdoor: false),
        new(
            "deshedding_bath",
            "De-shedding Bath",
            "For double-coated breeds like Huskies, Goldens, Labs and Shepherds: de-shedding shampoo and conditioner, "
            + "high-velocity blow-out of the loose undercoat, and a thorough brush-out. Cuts shedding at home for weeks.",
            60, 120, 90, 150, IsOutdoor: false),
        new(
            "puppy_intro",
            "Puppy Intro Groom",
            "A short, gentle first groom for puppies under six months: bath, brush, nail trim and a face and feet tidy, "
            + "with plenty of breaks so grooming stays a good experience.",
            35, 60, 45, 60, IsOutdoor: false),
    ];

    public IReadOnlyList<IntakeField> IntakeFields { get; } =
    [
        new(
            "pet_name", "Pet's name", IntakeFieldType.Text, Required: true),
        new(
            "species", "Dog or cat?", IntakeFieldType.Choice, Required: true,
            Options:
            [
                new("dog", "Dog"),
                new("cat", "Cat"),
            ]),
        new(
            "breed", "Breed or mix", IntakeFieldType.Text, Required: true,
            Help: "For example Goldendoodle, Shih Tzu mix or Domestic longhair."),
        new(
            "weight_lb", "Weight", IntakeFieldType.Number, Required: true,
            Min: 1, Max: 200, Unit: "lb",
            Help: "A close guess is fine; we price by size class."),
        new(
            "coat_type", "Coat type", IntakeFieldType.Choice, Required: false,
            Options:
            [
                new("short", "Short and smooth: Lab, Beagle, Pug, Boxer"),
                new("double", "Double coat: Husky, Golden, Shepherd, Corgi"),
                new("long", "Long and silky: Shih Tzu, Yorkie, Maltese, Persian"),
                new("curly", "Curly: Poodle, Doodles, Bichon"),
                new("wire", "Wiry: Schnauzer, terriers"),
            ]),
        new(
            "coat_condition", "Coat condition", IntakeFieldType.Choice, Required: true,
            Options:
            [
                new("good", "Brushed regularly, no tangles"),
                new("some_tangles", "Some tangles or light matting"),
                new("matted", "Matted: mats close to the skin, or felted behind ears, legs or belly"),
            ],
            Help: "Run a comb through behind the ears and under the legs; if it catches, there are mats."),
        new(
            "temperament", "How does your pet handle grooming?", IntakeFieldType.Choice, Required: true,
            Options:
            [
                new("calm", "Calm: relaxed or happy to be handled"),
                new("anxious", "Nervous or anxious, but has never bitten"),
                new("aggressive", "Has bitten or snapped at a groomer or vet"),
            ],
            Help: "Honest answers keep your pet and our groomer safe."),
        new(
            "senior_or_medical", "Senior pet, or any health issues we should know about?", IntakeFieldType.YesNo, Required: false,
            Help: "Arthritis, heart or breathing problems, seizures, recent surgery, skin conditions. We slow down and take breaks."),
        new(
            "rabies_vaccinated", "Is your pet's rabies vaccination current?", IntakeFieldType.YesNo, Required: true,
            Help: "We need proof of a current rabies vaccination before the first groom."),
        new(
            "style_notes", "Haircut or style requests", IntakeFieldType.Text, Required: false,
            Help: "For example \"short summer cut, leave the ears long\" or \"breed standard\"."),
    ];

    // The van is heated and air-conditioned with its own water and power, so rain changes nothing; the rain
    // threshold only matters if an owner turns rain cancellation on, and 2 in a day is flash-flood rain. Snow and
    // ice make a heavy van with full water tanks unsafe to drive; below 10°F the water lines freeze; above 105°F
    // the AC can't keep the van safe for a dog under a dryer, and the walk to the van is hard on flat-faced breeds.
    // 45 mph gusts make a high-sided van hard to handle.
    public WeatherThresholds Weather { get; } = new(
        CancelOnRain: false,
        CancelOnSnow: true,
        RainThresholdInches: 2.0m,
        WindThresholdMph: 45,
        TempMinF: 10,
        TempMaxF: 105);

    // Half an hour between pets to sanitize the tub and table, refill water and drive to the next door. A
    // one-van business loses a whole slot to a no-show, so a modest deposit holds the booking.
    public SchedulerDefaults Scheduler { get; } = new(DefaultBufferMinutes: 30, RequireDeposit: true, DepositPercentage: 20);

    public IReadOnlyDictionary<string, string> SmsTemplates { get; } = new Dictionary<string, string>
    {
        [MessageMoments.BookingConfirmation] =
            "{{ business.name }}: you're booked, {{ customer.first_name }}! {{ booking.service }} on {{ booking.date }} at {{ booking.time }}, "
            + "{{ booking.address }}. Please have your pet walked and ready. Changes: {{ reschedule_url }} Reply STOP to opt out",
        [MessageMoments.Reminder] =
            "{{ business.name }} reminder: {{ booking.service }} on {{ booking.date }} at {{ booking.time }}. Please walk your pet first, "
            + "skip a big meal just before, and save us a spot out front. Changes: {{ reschedule_url }}",
        [MessageMoments.OnMyWay] =
            "{{ business.name }}: {{ technician.first_name }} and the grooming van are about {{ eta_minutes }} min away. Please have your "
            + "pet walked and on a leash or in a carrier. Questions? {{ business.phone }}",
        [MessageMoments.WeatherReschedule] =
            "{{ business.name }}: weather alert for {{ booking.date }}: {{ weather.reason }}. That's not safe for the van or your pet, "
            + "so let's move your {{ booking.service }}: {{ reschedule_url }} or {{ business.phone }}",
        [MessageMoments.ReviewRequest] =
            "Thanks for choosing {{ business.name }}, {{ customer.first_name }}! We hope your pet is feeling fresh. Would you leave "
            + "{{ technician.first_name }} a quick review? {{ review_url }}",
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

            Our grooming van is self-contained, with its own water, power, heat and air conditioning. We'll park out front and groom your pet one-on-one, right outside your door.

            Before we arrive, please:
            - Walk your pet so they're comfortable on the table, and skip a big meal in the hour before.
            - Save us a parking spot close to your door (the van needs about 30 feet).
            - Have proof of a current rabies vaccination ready if we don't already have it.
            - Tell us about any health issues, sore spots or recent surgeries.

            Your price range came from the details you gave us. The groomer confirms the final price after checking the coat, before starting; heavy matting sometimes means a short shave-down instead of a brush-out, and we always talk that through with you first.

            Need a different time? {{ reschedule_url }}

            See you soon,
            {{ business.name }}
            {{ business.phone }}
            """),
        [MessageMoments.Reminder] = new(
            "Reminder: {{ booking.service }} on {{ booking.date }}",
            """
            Hi {{ customer.first_name }},

            A quick reminder that the {{ business.name }} van will be at {{ booking.address }} on {{ booking.date }} at {{ booking.time }} for your {{ booking.service }}.

            Please walk your pet beforehand, skip a big meal just before, and save us a parking spot near your door. If your pet has had any health changes since the last visit, let us know.

            If the timing no longer works, you can pick a new slot here: {{ reschedule_url }}

            Thanks,
            {{ business.name }}
            {{ business.phone }}
            """),
        [MessageMoments.OnMyWay] = new(
            "{{ technician.first_name }} is on the way",
            """
            Hi {{ customer.first_name }},

            {{ technician.first_name }} from {{ business.name }} is heading to {{ booking.address }} in the grooming van and should arrive in about {{ eta_minutes }} minutes for your {{ booking.service }}.

            Please have your pet walked and on a leash, or in a carrier for cats. If anything has changed, call or text {{ business.phone }}.

            {{ business.name }}
            """),
        [MessageMoments.WeatherReschedule] = new(
            "Weather update for your appointment on {{ booking.date }}",
            """
            Hi {{ customer.first_name }},

            Rain never stops us, since we groom inside a climate-controlled van, but the forecast for {{ booking.date }} is severe enough that we can't safely drive to you or keep the van comfortable for your pet: {{ weather.reason }}.

            Please pick a new time for your {{ booking.service }} here, no fee: {{ reschedule_url }}
            Or call us at {{ business.phone }} and we'll find the next good slot together.

            Thanks for understanding,
            {{ business.name }}
            """),
        [MessageMoments.ReviewRequest] = new(
            "How did the groom go, {{ customer.first_name }}?",
            """
            Hi {{ customer.first_name }},

            Thanks for trusting {{ business.name }} with your pet. {{ technician.first_name }} loved the visit, and we hope your pet is feeling fresh and comfortable.

            If you have a minute, a short review (a photo of the new look is always welcome) helps a small local business more than anything else:
            {{ review_url }}

            If anything wasn't right, reply to this email or call {{ business.phone }} and we'll make it right.

            {{ business.name }}
            """),
    };

    public AiPrompts AiPrompts { get; } = new(
        SystemPrompt: """
            You are the booking assistant for a mobile pet grooming business. The groomer works from a self-contained van
            parked at the customer's door and grooms one pet at a time. You talk with pet owners by SMS, web chat and email,
            answer questions, collect what the groomer needs, and book appointments.

            What to find out before you quote or book: the service (Basic Bath, Full Groom, Nail Trim, De-shedding Bath,
            Puppy Intro Groom); the pet's name, whether it is a dog or a cat, the breed or mix and about how much it weighs;
            the coat type and whether there are tangles or mats; how the pet handles grooming (calm, anxious, or has bitten
            or snapped); any health issues or age concerns; whether the rabies vaccination is current; the style they want
            for a haircut; and where the van can park. For multiple pets, collect each pet separately. Ask one or two
            questions at a time and use the pet's name once you know it.

            How to talk about price: give the range for the service and explain what moves it (size class by weight, coat
            type, matting, extra handling). Never promise an exact price before the intake questions are answered, and say
            the groomer confirms the final price after checking the coat. Be honest that a matted pet may need a short
            shave-down instead of a brush-out, because brushing out tight mats hurts; the groomer decides with the owner on
            the day. Recommend a regular schedule: every 4 to 6 weeks for doodles, poodles and other haircut breeds, 6 to 8
            weeks for most others, and nail trims every 3 to 4 weeks. Do not invent discounts or services.

            Hand off to a person (say someone from the business will follow up, and don't guess) when: the pet has a bite
            history or is described as aggressive; the pet is elderly or has a medical condition (heart or breathing
            problems, seizures, recent surgery, open wounds, skin infections); the owner mentions fleas or ticks; the pet is
            pregnant or under 10 weeks old; the owner asks about sedation (groomers never sedate; that is a vet decision);
            the owner reports an injury, a nick or a lost pet; or they are upset or dispute a charge. Never give medical
            advice; suggest asking their vet.

            Tone: warm, patient and pet-loving, never judgmental about a matted coat. By SMS keep every reply under about
            300 characters, one message at a time, no markdown. Use the owner's first name and the pet's name. Never ask for
            card numbers in chat; send the booking link for payment.
            """,
        BioCoachPrompt: """
            You help a mobile pet groomer write the short bio pet owners see when they book and in the "on my way" message.
            Owners are handing over a family member, so the bio should show care and experience.

            Work from what the groomer gives you: years grooming, any certifications they actually hold (for example a
            grooming academy certificate, pet first aid and CPR, fear-free training), breeds or pets they love working with
            (doodles, seniors, nervous dogs, cats), and something human (their own pets, what got them into grooming).
            Write 2 to 4 sentences, first person, under 450 characters, warm and specific. Prefer concrete details over
            superlatives. Do not invent certifications, years or awards, and leave out last names, ages, home neighborhoods
            and contact details. Offer one version, then ask whether they want it more playful or more professional.
            """);

    // Regulars groom every 4–8 weeks at $60–$120, so two points per dollar puts a regular in Silver within a few
    // visits and Gold within the year.
    public LoyaltyProgram Loyalty { get; } = new(
        PointsPerDollar: 2,
        Tiers:
        [
            new("Bronze", 0, ["2 points for every dollar spent", "Free bandana or bow with every groom"]),
            new("Silver", 500, ["5% off every service", "Free teeth brushing with every bath or groom"]),
            new("Gold", 1000, ["10% off every service", "Free blueberry facial and paw balm with every groom", "Priority booking for holiday grooms"]),
            new("Platinum", 2000, ["15% off every service", "A free nail trim between grooms every month", "First pick of standing appointment times"]),
        ]);

    public IReadOnlyDictionary<string, bool> FeatureDefaults { get; } = new Dictionary<string, bool>
    {
        // Grooming happens inside a climate-controlled van; the rare storm that stops the van is rescheduled by hand.
        [FeatureFlags.WeatherRescheduling] = false,
        // Most pets need a groom every 4–8 weeks, and standing appointments keep the van's route full.
        [FeatureFlags.RecurringServices] = true,
        // Frequent, emotional repeat visits: points and perks keep owners from drifting to a salon.
        [FeatureFlags.LoyaltyProgram] = true,
        // Owners hand their pet to the person in the van; a photo of the groomer before arrival builds trust.
        [FeatureFlags.OnTheWayPhotos] = true,
    };

    public JobEstimate Estimate(ServiceDefinition service, IntakeAnswers answers) => PetGroomingEstimator.Estimate(service, answers);
}
