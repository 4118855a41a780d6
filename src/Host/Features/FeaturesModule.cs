using Microsoft.FeatureManagement;
using ServicePro.Host.Hosting;

namespace ServicePro.Host.Features;

/// <summary>Microsoft.FeatureManagement with every platform flag decided per tenant, and the gate that applies them.</summary>
public sealed class FeaturesModule : HostModule
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TenantFlagStore>();
        builder.Services.AddSingleton<IFeatureDefinitionProvider, TenantFlagDefinitions>();
        builder.Services.AddFeatureManagement().AddFeatureFilter<TenantFlagsFilter>();
    }
}
