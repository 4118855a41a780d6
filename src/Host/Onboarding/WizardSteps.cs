using ServicePro.Abstractions;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Onboarding;

/// <summary>One of the nine onboarding steps (seed §6) and what skipping it means.</summary>
/// <param name="Provider">The integration this step connects, if any.</param>
/// <param name="Flag">The capability that needs this step; skipping turns it off, completing turns it on.</param>
/// <param name="SkipConsequence">What the business loses by skipping, said before it skips; null when the step is required.</param>
public sealed record WizardStep(string Key, int Number, string Title, string Purpose, string? Provider, string? Flag, string? SkipConsequence)
{
    public bool Optional => SkipConsequence is not null;

    /// <summary>Where the admin UI shows this step.</summary>
    public string Path => $"/admin/onboarding/{Key}";
}

public static class WizardSteps
{
    public static IReadOnlyList<WizardStep> All { get; } =
    [
        new(OnboardingSteps.BusinessBasics, 1, "Business basics",
            "Your brand, contact details, time zone, service area and hours.", null, null, null),
        new(OnboardingSteps.IndustryPack, 2, "Industry pack",
            "Your trade's services, message templates and settings to start from.", null, null, null),
        new(OnboardingSteps.Twilio, 3, "Text messaging (Twilio)",
            "Your own Twilio number for confirmations, reminders and two-way texting.", "twilio", FeatureFlags.Sms,
            "Texting stays off: customers get no text confirmations or reminders, and nobody can text you back."),
        new(OnboardingSteps.A2p, 4, "Texting registration (A2P 10DLC)",
            "US carriers require businesses to register what they text and how customers agree to it.", null, FeatureFlags.Sms,
            "Texting stays off: US carriers block business texts from unregistered numbers."),
        new(OnboardingSteps.Google, 5, "Google Calendar",
            "Jobs appear in your Google Calendar as they're booked.", "google", FeatureFlags.CalendarSync,
            "Jobs won't appear in Google Calendar; the calendar here still shows everything."),
        new(OnboardingSteps.Stripe, 6, "Payments (Stripe)",
            "Deposits and invoices paid online by card, straight to your Stripe account.", "stripe", FeatureFlags.OnlinePayments,
            "Customers can't pay deposits or invoices online; you collect payment in person."),
        new(OnboardingSteps.OpenAi, 7, "AI assistant (OpenAI)",
            "An assistant that answers questions and books jobs in chat and by text.", "openai", FeatureFlags.AiAssistant,
            "The AI assistant stays off: your staff answer every chat and text."),
        new(OnboardingSteps.SendGrid, 8, "Email (SendGrid)",
            "Confirmations and receipts by email from your own address.", "sendgrid", FeatureFlags.Email,
            "No emails go out: confirmations and receipts go by text only, if texting is on."),
        new(OnboardingSteps.Preflight, 9, "Preflight and go live",
            "A last check that everything you turned on works, then you're open for bookings.", null, null, null),
    ];

    public static WizardStep? Find(string key) => All.FirstOrDefault(s => s.Key == key);

    public static WizardStep? ForProvider(string provider) => All.FirstOrDefault(s => s.Provider == provider);
}
