namespace ServicePro.Host.Onboarding;

/// <summary>The seed's nine onboarding steps (§6), in order.</summary>
public static class OnboardingSteps
{
    public const string BusinessBasics = "business_basics";
    public const string IndustryPack = "industry_pack";
    public const string Twilio = "twilio";
    public const string A2p = "a2p";
    public const string Google = "google";
    public const string Stripe = "stripe";
    public const string OpenAi = "openai";
    public const string SendGrid = "sendgrid";
    public const string Preflight = "preflight";

    public static IReadOnlyList<string> All { get; } =
        [BusinessBasics, IndustryPack, Twilio, A2p, Google, Stripe, OpenAi, SendGrid, Preflight];
}
