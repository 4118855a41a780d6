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
        group.MapPost("/sign-in", SignIn).RequireRateLimiting(RateLimiting.SignIn).WithName("signIn")
            .WithSummary("Sign in with e-mail and password; the answer sets the session cookie. Staff sign in at their business's address, operators at the platform's.");
        group.MapPost("/sign-out", SignOut).RequireAuthorization().WithName("signOut").WithSummary("End the session: the cookie is cleared.");
        group.MapGet("/me", Me).RequireAuthorization().WithName("getMe")
            .WithSummary("Who is signed in, and their role at the business whose address this is.");
        return group;
    }

    private static async Task<Results<NoContent, UnauthorizedProblem, ValidationProblem>> SignIn(
        SignInRequest request, HttpContext http, PasswordSignIn signIn, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Problems.Invalid("email", "Enter your email and password.");
        }

        return await signIn.SignInAsync(request.Email, request.Password, http.Connection.RemoteIpAddress?.ToString(), ct) switch
        {
            SignInOutcome.SignedIn => TypedResults.NoContent(),
            _ => Problems.Unauthorized("Sign-in failed", PasswordSignIn.RefusedDetail),
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
