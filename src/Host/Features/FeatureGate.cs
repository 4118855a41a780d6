using Microsoft.FeatureManagement;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Features;

public static class FeatureGate
{
    /// <summary>Endpoints behind <paramref name="flag"/> answer 404 for a tenant that has it off, as if they did not exist.</summary>
    public static TBuilder RequireTenantFeature<TBuilder>(this TBuilder builder, string flag)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var tenant = context.HttpContext.RequestServices.GetRequiredService<ITenantContext>().Tenant;
            var features = context.HttpContext.RequestServices.GetRequiredService<IFeatureManager>();
            if (tenant is null || !await features.IsEnabledAsync(flag, new TenantFeatureContext(tenant)))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                    detail: "This feature is not available for this business.");
            }

            return await next(context);
        });
}
