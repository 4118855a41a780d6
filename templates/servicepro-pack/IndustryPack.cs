using ServicePro.Abstractions;

namespace Partner.PackName;

/// <summary>
/// Pack Display Name: what businesses in this trade sell, what a booking asks, how the calendar and the weather
/// treat their jobs, and what they text and email customers. The host reads all of it once when it loads the pack,
/// checks it (run <c>plugins check out/Partner.PackName</c> to see the same verdict), and copies it into each
/// business created on the pack; only <see cref="Estimate"/> runs per request.
/// </summary>
public sealed class IndustryPack : IIndustryPack
{
    public string Slug => "pack_id_here";

    public string Name => "Pack Display Name";

    public string Description => "A ServicePro industry pack for Pack Display Name businesses.";

    /// <summary>A Lucide icon name.</summary>
    public string Icon => "briefcase";

    // Prices in the business's currency; durations in minutes (typical, then the longest an estimate may reach).
    public IReadOnlyList<ServiceDefinition> DefaultServices { get; } =
    [
        new("standard_visit", "Standard Visit", "A visit of about an hour for a typical job.", 80, 200, 60, 180, IsOutdoor: false),
    ];

    public IReadOnlyList<IntakeField> IntakeFields { get; } =
    [
        new("job_size", "How big is the job?", IntakeFieldType.Choice, Required: true,
            Options: [new("small", "Small"), new("medium", "Medium"), new("large", "Large")]),
    ];

    public WeatherThresholds Weather { get; } = new(CancelOnRain: false, CancelOnSnow: true, RainThresholdInches: 0.5m, WindThresholdMph: 40, TempMinF: 10, TempMaxF: 105);

    public SchedulerDefaults Scheduler { get; } = new(DefaultBufferMinutes: 30, RequireDeposit: false, DepositPercentage: 0);

    // Liquid; the variables a template may use are listed, with their meaning, in MessageVariables.All.
    public IReadOnlyDictionary<string, string> SmsTemplates { get; } = new Dictionary<string, string>
    {
        [MessageMoments.BookingConfirmation] = "{{ business.name }}: you're booked for {{ booking.service }} on {{ booking.when }}. Reply STOP to opt out.",
        [MessageMoments.Reminder] = "{{ business.name }} reminder: {{ booking.service }} on {{ booking.when }}. Need to change it? {{ reschedule_url }}",
        [MessageMoments.OnMyWay] = "{{ business.name }}: {{ technician.first_name }} is on the way, arriving in about {{ eta_minutes }} minutes.",
        [MessageMoments.WeatherReschedule] = "{{ business.name }}: {{ weather.reason }} is forecast for {{ booking.date }}. Pick a new time: {{ reschedule_url }}",
        [MessageMoments.ReviewRequest] = "Thanks for choosing {{ business.name }}, {{ customer.first_name }}! A quick review helps a lot: {{ review_url }}",
    };

    public IReadOnlyDictionary<string, EmailTemplate> EmailTemplates { get; } = new Dictionary<string, EmailTemplate>
    {
        [MessageMoments.BookingConfirmation] = new("Your {{ booking.service }} is booked",
            "Hi {{ customer.first_name }},\n\nYou're booked for {{ booking.service }} on {{ booking.when }}.\n\nQuestions? Call {{ business.phone }}.\n\n{{ business.name }}"),
        [MessageMoments.Reminder] = new("Reminder: {{ booking.service }} on {{ booking.date }}",
            "Hi {{ customer.first_name }},\n\nWe'll see you on {{ booking.when }}. Need to change it? {{ reschedule_url }}\n\n{{ business.name }}"),
        [MessageMoments.OnMyWay] = new("{{ technician.first_name }} is on the way",
            "Hi {{ customer.first_name }},\n\n{{ technician.first_name }} is on the way and should arrive in about {{ eta_minutes }} minutes.\n\n{{ business.name }}"),
        [MessageMoments.WeatherReschedule] = new("Weather may affect your appointment",
            "Hi {{ customer.first_name }},\n\n{{ weather.reason }} is forecast for {{ booking.date }}. Choose a new time here: {{ reschedule_url }}\n\n{{ business.name }}"),
        [MessageMoments.ReviewRequest] = new("How did we do?",
            "Hi {{ customer.first_name }},\n\nThank you for choosing {{ business.name }}. Would you leave us a short review? {{ review_url }}"),
    };

    public AiPrompts AiPrompts { get; } = new(
        "You are the booking assistant for a local Pack Display Name business. Ask how big the job is before quoting, quote only the service's price range, and hand the conversation to a person for complaints, refunds or anything you are unsure about.",
        "Rewrite this technician's bio in the first person, warm and specific, under 80 words.");

    public LoyaltyProgram Loyalty { get; } = new(1,
    [
        new("Member", 0, ["Points on every paid job"]),
        new("Regular", 500, ["5% off every job"]),
    ]);

    /// <summary>Flags this trade turns on or off by default (names from FeatureFlags); others keep the platform's defaults.</summary>
    public IReadOnlyDictionary<string, bool> FeatureDefaults { get; } = new Dictionary<string, bool>();

    /// <summary>Starts at the service's minimum; EstimateBuilder keeps the result inside the service's ranges.</summary>
    public JobEstimate Estimate(ServiceDefinition service, IntakeAnswers answers)
    {
        var estimate = new EstimateBuilder(service);
        switch (answers.Text("job_size"))
        {
            case "medium":
                estimate.Percent("Medium job", 40, 50, "for the extra work");
                break;
            case "large":
                estimate.Percent("Large job", 100, 100, "for the extra work");
                break;
        }

        return estimate.Build();
    }
}
