namespace ServicePro.Host.Onboarding;

public static class OnboardingExtensions
{
    /// <summary>The onboarding wizard, A2P registration and go-live.</summary>
    public static WebApplicationBuilder AddOnboarding(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OnboardingProgressStore>();
        builder.Services.AddScoped<OnboardingWizard>();
        builder.Services.AddScoped<Preflight>();
        builder.Services.AddScoped<A2pRegistrations>();
        builder.Services.AddScoped<A2pJobs>();
        builder.Services.AddScoped<SignUp>();
        return builder;
    }
}
