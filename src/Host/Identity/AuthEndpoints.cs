using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using ServicePro.Host.Hosting;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Identity;

public sealed record SignInRequest(string? Email, string? Password);

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

    /// <summary>
    /// Signs a person in on this address: on a tenant's address they must work there; on the platform's
    /// address they must be an operator. Wrong passwords count towards lockout.
    /// </summary>
    public static async Task<SignInOutcome> SignInAsync(
        string? email, string? password, ITenantContext tenant, UserManager<AppUser> users,
        SignInManager<AppUser> signIn, StaffDirectory staff, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return SignInOutcome.Invalid;
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return SignInOutcome.Invalid;
        }

        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return SignInOutcome.LockedOut;
        }

        if (!check.Succeeded)
        {
            return SignInOutcome.Invalid;
        }

        var allowed = tenant.Tenant is null
            ? user.IsPlatformOperator
            : await staff.FindMembershipAsync(user.Id, ct) is not null;
        if (!allowed)
        {
            return SignInOutcome.NotHere;
        }

        await signIn.SignInAsync(user, isPersistent: false);
        if (tenant.Tenant is not null)
        {
            await staff.RecordSignInAsync(ct);
        }

        return SignInOutcome.SignedIn;
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> SignIn(
        SignInRequest request, ITenantContext tenant, UserManager<AppUser> users, SignInManager<AppUser> signIn,
        StaffDirectory staff, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Problems.Invalid("email", "Enter your email and password.");
        }

        return await SignInAsync(request.Email, request.Password, tenant, users, signIn, staff, ct) switch
        {
            SignInOutcome.SignedIn => TypedResults.NoContent(),
            SignInOutcome.LockedOut => TypedResults.Problem(statusCode: StatusCodes.Status423Locked, title: "Account locked",
                detail: "Too many failed attempts. Try again in 15 minutes."),
            SignInOutcome.NotHere => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not a member",
                detail: tenant.Tenant is null
                    ? "Only platform operators can sign in here."
                    : $"This account does not work for {tenant.Tenant.BrandName}."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                detail: "The email or password is incorrect."),
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

public enum SignInOutcome
{
    SignedIn,
    Invalid,
    LockedOut,
    NotHere,
}
