using Microsoft.AspNetCore.Http.HttpResults;
using ServicePro.Host.Features;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Tenancy;

public sealed record TenantProfile(
    string Slug, string Name, string BrandName, string Industry, string Status, string PrimaryColor,
    string SecondaryColor, string? LogoUrl, string Timezone);

public static class TenantEndpoints
{
    public static IEndpointRouteBuilder MapTenantEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tenant", Profile)
            .WithTags("Tenant")
            .WithName("getTenantProfile")
            .OnTenantAddress()
            .WithSummary("The public profile of the business this address belongs to.")
            .RequireRateLimiting(RateLimiting.Public);
        app.MapGet("/api/tenant/flags", Flags)
            .WithTags("Tenant")
            .WithName("getTenantFlags")
            .WithSummary("The business's effective feature flags.")
            .RequireAuthorization(Policies.TenantMember);
        return app;
    }

    private static Results<Ok<TenantProfile>, NotFoundProblem> Profile(ITenantContext context) =>
        context.Tenant is { } t
            ? TypedResults.Ok(new TenantProfile(t.Slug, t.Name, t.BrandName, t.Industry, SnakeCaseEnum.ToName(t.Status),
                t.PrimaryColor, t.SecondaryColor, t.LogoUrl, t.Timezone))
            : Problems.NotFound("This address belongs to the platform, not to a business. Use a business's own address.");

    private static async Task<Ok<IReadOnlyDictionary<string, bool>>> Flags(ITenantContext context, TenantFlagStore flags, CancellationToken ct) =>
        TypedResults.Ok(await flags.GetAsync(context.Tenant!, ct));
}
