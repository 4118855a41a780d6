using ServicePro.Host.Hosting;

namespace ServicePro.Host.SignUp;

/// <summary>Self-service sign-up: a business opens its own account (API and page) on the platform's address.</summary>
public sealed class SignUpModule : HostModule
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignUpOptions>().BindConfiguration(SignUpOptions.Section);
        builder.Services.AddScoped<BusinessSignUp>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapSignUpEndpoints();
}
