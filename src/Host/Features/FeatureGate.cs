using Microsoft.FeatureManagement;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Features;

/// <summary>Endpoint metadata: the endpoint exists only for tenants that have <see cref="Flag"/> on.</summary>
public sealed record TenantFeatureRequirement(string Flag);

public static class FeatureGate
{
    /// <summary>Endpoints behind <paramref name="flag"/> answer 404 for a tenant that has it off, as if they did not exist.</summary>
    public static TBuilder RequireTenantFeature<TBuilder>(this TBuilder builder, string flag)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TenantFeatureRequirement(flag));
}

/// <summary>
/// Enforces <see cref="TenantFeatureRequirement"/> after routing and authorization. A middleware rather than
/// an endpoint filter so that gated endpoints keep ASP.NET Core's fast path for writing their results.
/// </summary>
public sealed class TenantFeatureGateMiddleware(RequestDelegate next, IFeatureManager features)
{
    public Task InvokeAsync(HttpContext context)
    {
        var requirements = context.GetEndpoint()?.Metadata.GetOrderedMetadata<TenantFeatureRequirement>();
        return requirements is null or { Count: 0 } ? next(context) : CheckAsync(context, requirements);
    }

    private async Task CheckAsync(HttpContext context, IReadOnlyList<TenantFeatureRequirement> requirements)
    {
        var tenant = context.Features.Get<ITenantContext>()?.Tenant;
        foreach (var requirement in requirements)
        {
            if (tenant is null || !await features.IsEnabledAsync(requirement.Flag, new TenantFeatureContext(tenant)))
            {
                await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                    detail: "This feature is not available for this business.").ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }
}
