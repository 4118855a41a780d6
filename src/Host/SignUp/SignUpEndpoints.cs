using Microsoft.AspNetCore.Http.HttpResults;
using ServicePro.Host.Hosting;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.SignUp;

public sealed record SignUpResponse(string Slug, Uri SignInUrl);

public static class SignUpEndpoints
{
    public static RouteHandlerBuilder MapSignUpEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/signup", SignUpAsync)
            .WithTags("Onboarding")
            .WithName("signUp")
            .OnPlatformAddress()
            .RequireRateLimiting(RateLimiting.SignIn)
            .WithSummary("Open a business account: the business (on the trade's pack) and its owner. On the platform's address only.");

    private static async Task<Results<Created<SignUpResponse>, ValidationProblem, NotFoundProblem, ConflictProblem>> SignUpAsync(
        SignUpRequest request, BusinessSignUp signUp, ITenantContext tenant, HttpContext http, CancellationToken ct)
    {
        if (!signUp.Enabled || tenant.Tenant is not null)
        {
            return Problems.NotFound("Sign-up is not offered here.");
        }

        var result = await signUp.CreateAsync(request, http.Request, ct);
        if (result.Created.Errors is { } errors)
        {
            return Problems.Invalid(errors);
        }

        if (result.Created.ConflictReason is { } conflict)
        {
            return Problems.Conflict(conflict);
        }

        return TypedResults.Created(result.SignInUrl, new SignUpResponse(result.Created.Tenant!.Slug, result.SignInUrl!));
    }
}
