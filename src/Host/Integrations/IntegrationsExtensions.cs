namespace ServicePro.Host.Integrations;

public static class IntegrationsExtensions
{
    /// <summary>Tenants' connections to outside services, through provider plugins and one resilient HTTP client.</summary>
    public static WebApplicationBuilder AddIntegrations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IntegrationsOptions>().BindConfiguration(IntegrationsOptions.Section);
        builder.Services.AddIntegrationHttp();
        builder.Services.AddScoped<TenantIntegrations>();
        return builder;
    }
}
