using ServicePro.Host.Admin;
using ServicePro.Host.Onboarding;

namespace ServicePro.Host.Onboarding.Pages;

/// <summary>What the stepper partial draws: every step's status and which one is current.</summary>
public sealed record StepperModel(OnboardingView Onboarding, string? CurrentKey);
