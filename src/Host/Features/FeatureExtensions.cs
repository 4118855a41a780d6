using Microsoft.FeatureManagement;

namespace ServicePro.Host.Features;

public static class FeatureExtensions
{
    /// <summary>Microsoft.FeatureManagement with every platform flag decided per tenant.</summary>
    public static WebApplicationBuilder AddTenantFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IFeatureDefinitionProvider, TenantFlagDefinitions>();
        builder.Services.AddFeatureManagement().AddFeatureFilter<TenantFlagsFilter>();
        return builder;
    }
}
