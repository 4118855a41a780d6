using ServicePro.Abstractions;

namespace ServicePro.Host.Plugins;

/// <summary>
/// The built-in pack for trades without a plugin (handyman, pressure washing, pool service...): generic
/// service calls priced by the hours the customer expects, plain-spoken templates, weather ignored.
/// </summary>
public sealed class CustomPack : IIndustryPack
{
    public const string PackSlug = "custom";

    public string Slug => PackSlug;
    public string Name => "Custom Trade";
    public string Description => "A neutral starting point for any home-service trade; edit the services after sign-up.";
    public string Icon => "wrench";

    public IReadOnlyList<ServiceDefinition> DefaultServices { get; } =
    [
        new("service_call", "Service Call", "A visit to look at the job and do what can be done on the spot.", 75, 150, 60, 120, false),
        new("half_day", "Half-Day Job", "Up to four hours of on-site work.", 200, 400, 240, 240, false),
        new("full_day", "Full-Day Job", "Up to eight hours of on-site work.", 400, 800, 480, 480, false),
    ];

    public IReadOnlyList<IntakeField> IntakeFields { get; } =
    [
        new("job_description", "What do you need done?", IntakeFieldType.Text, Required: true),
        new("estimated_hours", "How many hours do you expect it to take?", IntakeFieldType.Number, Required: false, Min: 1, Max: 8, Unit: "hours"),
    ];

    public WeatherThresholds Weather { get; } = new(false, true, 1.0m, 45, 0, 110);
    public SchedulerDefaults Scheduler { get; } = new(30, false, 0);

    public IReadOnlyDictionary<string, string> SmsTemplates { get; } = new Dictionary<string, string>
    {
        [MessageMoments.BookingConfirmation] = "{{ business.name }}: you're booked for {{ booking.service }} on {{ booking.date }} at {{ booking.time }}. Reply STOP to opt out.",
        [MessageMoments.Reminder] = "{{ business.name }} reminder: {{ booking.service }} tomorrow at {{ booking.time }}. Need to change it? {{ reschedule_url }}",
        [MessageMoments.OnMyWay] = "{{ business.name }}: {{ technician.first_name }} is on the way and should arrive in about {{ eta_minutes }} minutes.",
        [MessageMoments.WeatherReschedule] = "{{ business.name }}: {{ weather.reason }} is forecast for {{ booking.date }}. Pick a new time here: {{ reschedule_url }}",
        [MessageMoments.ReviewRequest] = "Thanks for choosing {{ business.name }}, {{ customer.first_name }}! A quick review helps us a lot: {{ review_url }}",
    };

    public IReadOnlyDictionary<string, EmailTemplate> EmailTemplates { get; } = new Dictionary<string, EmailTemplate>
    {
        [MessageMoments.BookingConfirmation] = new("Your {{ booking.service }} is booked", "Hi {{ customer.first_name }},\n\nYou're booked for {{ booking.service }} on {{ booking.date }} at {{ booking.time }} at {{ booking.address }}.\n\nQuestions? Call {{ business.phone }}.\n\n{{ business.name }}"),
        [MessageMoments.Reminder] = new("Reminder: {{ booking.service }} on {{ booking.date }}", "Hi {{ customer.first_name }},\n\nA reminder that we'll see you on {{ booking.date }} at {{ booking.time }}. Need to change it? {{ reschedule_url }}\n\n{{ business.name }}"),
        [MessageMoments.OnMyWay] = new("{{ technician.first_name }} is on the way", "Hi {{ customer.first_name }},\n\n{{ technician.first_name }} is on the way and should arrive in about {{ eta_minutes }} minutes.\n\n{{ business.name }}"),
        [MessageMoments.WeatherReschedule] = new("Weather may affect your appointment", "Hi {{ customer.first_name }},\n\n{{ weather.reason }} is forecast for {{ booking.date }}. Choose a new time here: {{ reschedule_url }}\n\n{{ business.name }}"),
        [MessageMoments.ReviewRequest] = new("How did we do?", "Hi {{ customer.first_name }},\n\nThank you for choosing {{ business.name }}. Would you leave us a short review? {{ review_url }}"),
    };

    public AiPrompts AiPrompts { get; } = new(
        "You are the booking assistant for a local home-service business. Help customers describe the job, choose a service and pick a time. " +
        "Ask what needs doing and roughly how long it should take before quoting; quote only the service's price range until the job is confirmed. " +
        "Hand the conversation to a person for complaints, refunds, emergencies or anything you are unsure about. Keep text messages short and friendly.",
        "Rewrite this technician's bio in the first person, warm and specific, under 80 words: mention experience, specialties and one personal detail.");

    public LoyaltyProgram Loyalty { get; } = new(1,
    [
        new("Bronze", 0, ["Points on every paid job"]),
        new("Silver", 500, ["5% off every job"]),
        new("Gold", 1000, ["10% off every job", "Priority booking"]),
        new("Platinum", 2000, ["15% off every job", "Priority booking", "One free service call a year"]),
    ]);

    public IReadOnlyDictionary<string, bool> FeatureDefaults { get; } = new Dictionary<string, bool>();

    public JobEstimate Estimate(ServiceDefinition service, IntakeAnswers answers)
    {
        if (service.Key != "service_call" || answers.Number("estimated_hours") is not { } hours)
        {
            return new JobEstimate(service.PriceMin, service.DurationMinutes, []);
        }

        // A service call grows with the hours the customer expects, up to its range.
        var minutes = Math.Clamp((int)Math.Ceiling(hours * 60 / 15) * 15, service.DurationMinutes, service.MaxDurationMinutes);
        var share = (decimal)(minutes - service.DurationMinutes) / Math.Max(1, service.MaxDurationMinutes - service.DurationMinutes);
        var price = Math.Round(service.PriceMin + (share * (service.PriceMax - service.PriceMin)), 0);
        return new JobEstimate(price, minutes, [$"About {hours:0.#} hours of work"]);
    }
}
