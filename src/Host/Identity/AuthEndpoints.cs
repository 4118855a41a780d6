using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using ServicePro.Host.Hosting;
using ServicePro.Host.Tenancy;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Identity;

public sealed record SignInRequest([Text(EmailRules.MaxLength)] string? Email, [Text(TextRules.Password)] string? Password);

public sealed record MeResponse(Guid Id, string Email, string DisplayName, bool IsOperator, string? Tenant, string? Role);

public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Sign-in");
        group.MapPost("/sign-in", SignIn).RequireRateLimiting(RateLimiting.SignIn);
        group.MapPost("/sign-out", SignOut).RequireAuthorization();
        group.MapGet("/me", Me).RequireAuthorization();
        return group;
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> SignIn(
        SignInRequest request, HttpContext http, PasswordSignIn signIn, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Problems.Invalid("email", "Enter your email and password.");
        }

        return await signIn.SignInAsync(request.Email, request.Password, http.Connection.RemoteIpAddress?.ToString(), ct) switch
        {
            SignInOutcome.SignedIn => TypedResults.NoContent(),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: PasswordSignIn.RefusedDetail),
        };
    }

    private static async Task<NoContent> SignOut(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> Me(
        HttpContext http, UserManager<AppUser> users, ITenantContext tenant, StaffDirectory staff, CancellationToken ct)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var membership = tenant.Tenant is null ? null : await staff.FindMembershipAsync(user.Id, ct);
        return TypedResults.Ok(new MeResponse(user.Id, user.Email!, user.DisplayName, user.IsPlatformOperator,
            tenant.Tenant?.Slug, membership is null ? null : Persistence.SnakeCaseEnum.ToName(membership.Role)));
    }
}
