using Microsoft.AspNetCore.Http.HttpResults;
using ServicePro.Abstractions;
using ServicePro.Host.Features;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Plugins;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Loyalty;

public static class LoyaltyEndpoints
{
    public static RouteGroupBuilder MapLoyaltyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/loyalty")
            .WithTags("Loyalty")
            .RequireAuthorization(Policies.TenantMember)
            .RequireTenantFeature(FeatureFlags.LoyaltyProgram);
        group.MapGet("/program", Program).WithName("getLoyaltyProgram").WithSummary("The business's loyalty tiers and points per dollar.");
        return group;
    }

    private static Results<Ok<LoyaltyProgram>, NotFoundProblem> Program(ITenantContext tenant, PluginCatalog catalog) =>
        catalog.FindPack(tenant.Tenant!.Industry) is { } pack
            ? TypedResults.Ok(pack.Loyalty)
            : Problems.NotFound($"The '{tenant.Tenant.Industry}' industry pack is not loaded on this server.");
}
