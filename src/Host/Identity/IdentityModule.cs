using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using ServicePro.Host.Hosting;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Identity;

/// <summary>
/// ASP.NET Core Identity (hashed passwords, lockout) behind a cookie, the operator API key, staff memberships and
/// their roles, sign-in (API and page) and the people commands.
/// </summary>
public sealed class IdentityModule : HostModule
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OperatorOptions>().BindConfiguration(OperatorOptions.Section);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B): a long passphrase beats "Passw0rd!".
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<ServiceProDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ServiceProClaimsFactory>();

        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, OperatorApiKeyHandler>(OperatorApiKeyHandler.SchemeName, null)
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "sp_auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/admin/sign-in";
            o.AccessDeniedPath = "/admin/sign-in";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // APIs answer with status codes; only pages redirect to the sign-in form.
            o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
        });
        // Always Secure in Production (behind a TLS-terminating proxy too, see Hosting/TransportSecurity.cs); as the request came elsewhere.
        builder.Services.AddSecureCookies<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(o => o.Cookie);

        builder.Services.AddScoped<StaffDirectory>();
        builder.Services.AddScoped<PasswordSignIn>();
        builder.Services.AddScoped<SignInLockouts>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, TenantMemberHandler>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.TenantMember, p => p.RequireAuthenticatedUser().AddRequirements(new TenantMemberRequirement(StaffRole.Technician)))
            .AddPolicy(Policies.TenantAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new TenantMemberRequirement(StaffRole.Admin)))
            .AddPolicy(Policies.PlatformOperator, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, OperatorApiKeyHandler.SchemeName)
                .RequireClaim(ServiceProClaims.Operator, "true"));
        builder.Services.AddHostCommand(IdentityCommands.Staff);
        builder.Services.AddHostCommand(IdentityCommands.Operators);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAuthEndpoints();
        endpoints.MapStaffEndpoints();
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
