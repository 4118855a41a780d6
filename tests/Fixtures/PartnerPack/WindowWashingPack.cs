using System.Reflection;
using Newtonsoft.Json;
using ServicePro.Abstractions;

namespace ServicePro.Fixtures.PartnerPack;

/// <summary>
/// Test fixture: a third-party industry pack that ships its own Newtonsoft.Json (13.0.1, older than the host's).
/// The loader tests read <see cref="NewtonsoftVersion"/> and <see cref="Description"/> to prove the plugin runs on
/// the version it shipped with, and the SMS templates are parsed with it so the dependency must really load.
/// </summary>
public sealed class WindowWashingPack : IIndustryPack
{
    // Newtonsoft pins AssemblyVersion to 13.0.0.0 across all 13.x releases, so only the informational version
    // tells 13.0.1 from the host's 13.0.4.
    public static string NewtonsoftVersion { get; } =
        typeof(JsonConvert).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(JsonConvert).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    private const string SmsJson = """
        {
          "booking_confirmation": "{{ business.name }}: {{ booking.service }} booked for {{ booking.date }} at {{ booking.time }}, {{ booking.address }}. Please unlock side gates. Changes: {{ reschedule_url }} Reply STOP to opt out",
          "reminder": "{{ business.name }} reminder: {{ booking.service }} on {{ booking.date }} at {{ booking.time }}. Please clear sills and move items away from windows. {{ reschedule_url }}",
          "on_my_way": "{{ business.name }}: {{ technician.first_name }} is about {{ eta_minutes }} min away. Questions? {{ business.phone }}",
          "weather_reschedule": "{{ business.name }}: weather alert for {{ booking.date }}: {{ weather.reason }}. Let's move your {{ booking.service }}: {{ reschedule_url }}",
          "review_request": "Thanks for choosing {{ business.name }}, {{ customer.first_name }}! A quick review would mean a lot: {{ review_url }}"
        }
        """;

    public string Slug => "window_washing";

    public string Name => "Window Washing";

    public string Description => $"Residential window washing (test fixture, built with Newtonsoft.Json {NewtonsoftVersion}).";

    public string Icon => "app-window";

    public IReadOnlyList<ServiceDefinition> DefaultServices { get; } =
    [
        new("exterior_windows", "Exterior Window Cleaning", "Outside glass, frames and sills, squeegeed streak-free.", 150, 350, 120, 240, IsOutdoor: true),
        new("inside_out_windows", "Inside & Out Window Cleaning", "Both sides of the glass, plus screens and tracks.", 250, 500, 180, 360, IsOutdoor: true),
    ];

    public IReadOnlyList<IntakeField> IntakeFields { get; } =
    [
        new("window_count", "Number of windows", IntakeFieldType.Number, Required: true, Min: 1, Max: 100, Unit: "windows"),
        new("stories", "Stories", IntakeFieldType.Choice, Required: true, Options: [new("1", "One story"), new("2", "Two stories"), new("3", "Three stories")]),
    ];

    public WeatherThresholds Weather { get; } = new(CancelOnRain: true, CancelOnSnow: true, RainThresholdInches: 0.1m, WindThresholdMph: 20, TempMinF: 35, TempMaxF: 95);

    public SchedulerDefaults Scheduler { get; } = new(DefaultBufferMinutes: 30, RequireDeposit: true, DepositPercentage: 25);

    public IReadOnlyDictionary<string, string> SmsTemplates { get; } =
        JsonConvert.DeserializeObject<Dictionary<string, string>>(SmsJson) ?? [];

    public IReadOnlyDictionary<string, EmailTemplate> EmailTemplates { get; } = MessageMoments.All.ToDictionary(
        moment => moment,
        moment => new EmailTemplate(
            "{{ business.name }}: your {{ booking.service }}",
            $"Hi {{{{ customer.first_name }}}},\n\nAbout your {{{{ booking.service }}}} on {{{{ booking.date }}}} ({moment.Replace('_', ' ')}).\n\n{{{{ business.name }}}}\n{{{{ business.phone }}}}"));

    public AiPrompts AiPrompts { get; } = new(
        "You book residential window washing. Ask how many windows and how many stories, give the price range, and hand off to a person for commercial or high-rise work.",
        "Help a window washer write a two-sentence, first-person bio without invented credentials.");

    public LoyaltyProgram Loyalty { get; } = new(1,
    [
        new("Bronze", 0, ["1 point per dollar"]),
        new("Silver", 500, ["Free screen cleaning"]),
        new("Gold", 1000, ["10% off"]),
        new("Platinum", 2000, ["Free track cleaning"]),
    ]);

    public IReadOnlyDictionary<string, bool> FeatureDefaults { get; } = new Dictionary<string, bool>
    {
        [FeatureFlags.WeatherRescheduling] = true,
    };

    public JobEstimate Estimate(ServiceDefinition service, IntakeAnswers answers)
    {
        var adjustments = new List<string>();
        var price = service.PriceMin;
        var minutes = (decimal)service.DurationMinutes;

        var extraWindows = Math.Max(0, (answers.Number("window_count") ?? 15) - 15);
        if (extraWindows > 0)
        {
            var perWindow = service.Key == "inside_out_windows" ? 10m : 6m;
            price += extraWindows * perWindow;
            minutes += extraWindows * 4;
            adjustments.Add(FormattableString.Invariant($"{extraWindows} windows beyond the first 15: +${extraWindows * perWindow}"));
        }

        var storiesPercent = answers.Text("stories") switch { "2" => 15m, "3" => 30m, _ => 0m };
        if (storiesPercent > 0)
        {
            price *= 1 + (storiesPercent / 100);
            minutes *= 1 + (storiesPercent / 100);
            adjustments.Add(FormattableString.Invariant($"Upper stories: +{storiesPercent}% for ladder work"));
        }

        var high = Math.Max(service.PriceMin, service.PriceMax);
        var longest = Math.Max(service.DurationMinutes, service.MaxDurationMinutes);
        return new JobEstimate(
            Fit(price, service.PriceMin, high, step: 1),
            (int)Fit(minutes, service.DurationMinutes, longest, step: 15),
            adjustments);
    }

    // Nearest step inside the range; the clamped value itself when the range holds no step at all.
    private static decimal Fit(decimal value, decimal low, decimal high, decimal step)
    {
        var clamped = Math.Clamp(value, low, high);
        var candidates = new[] { Math.Round(clamped / step) * step, Math.Floor(high / step) * step, Math.Ceiling(low / step) * step };
        var inside = candidates.Where(c => c >= low && c <= high).ToList();
        return inside.Count > 0 ? inside.MinBy(c => Math.Abs(c - clamped)) : clamped;
    }
}
