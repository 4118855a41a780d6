using ServicePro.Host.Hosting;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Onboarding;

/// <summary>The setup wizard (API and pages), A2P registration with its background jobs, preflight and go-live.</summary>
public sealed class OnboardingModule : HostModule
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OnboardingProgressStore>();
        builder.Services.AddScoped<INewTenantSetup, OnboardingStart>();
        builder.Services.AddScoped<OnboardingWizard>();
        builder.Services.AddScoped<Preflight>();
        builder.Services.AddScoped<A2pRegistrations>();
        builder.Services.AddScoped<A2pJobs>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapOnboardingEndpoints();
}
