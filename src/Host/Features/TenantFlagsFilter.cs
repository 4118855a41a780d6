using Microsoft.FeatureManagement;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Features;

/// <summary>The context every flag is evaluated in: the tenant asking.</summary>
public sealed record TenantFeatureContext(TenantInfo Tenant);

/// <summary>Microsoft.FeatureManagement filter that answers from the tenant's own flags.</summary>
[FilterAlias(Alias)]
public sealed class TenantFlagsFilter(TenantFlagStore flags) : IContextualFeatureFilter<TenantFeatureContext>
{
    public const string Alias = "TenantFlags";

    public async Task<bool> EvaluateAsync(FeatureFilterEvaluationContext featureFilterContext, TenantFeatureContext appContext) =>
        await flags.IsEnabledAsync(appContext.Tenant, featureFilterContext.FeatureName);
}
