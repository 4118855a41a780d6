using ServicePro.Host.Onboarding;

namespace ServicePro.Host.Admin.Pages.Onboarding;

/// <summary>What the stepper partial draws: every step's status and which one is current.</summary>
public sealed record StepperModel(OnboardingView Onboarding, string? CurrentKey);
