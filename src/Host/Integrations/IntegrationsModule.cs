using ServicePro.Host.Hosting;

namespace ServicePro.Host.Integrations;

/// <summary>Tenants' connections to outside services, through provider plugins and one resilient HTTP client.</summary>
public sealed class IntegrationsModule : HostModule
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IntegrationsOptions>().BindConfiguration(IntegrationsOptions.Section);
        builder.Services.AddIntegrationHttp();
        builder.Services.AddScoped<TenantIntegrations>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapIntegrationEndpoints();
}
