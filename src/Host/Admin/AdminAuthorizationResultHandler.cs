using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Admin;

/// <summary>Marks an endpoint as an admin page (added to every page under the admin root by convention).</summary>
public sealed class AdminPageMetadata
{
    public static readonly AdminPageMetadata Instance = new();

    private AdminPageMetadata()
    {
    }
}

/// <summary>
/// On the platform's address (no tenant), sends a request for this page to another admin page instead of
/// refusing it: the tenant dashboard at /admin becomes the operators' tenant list.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RedirectOnPlatformAttribute(string path) : Attribute
{
    /// <summary>An application path such as "/admin/platform/tenants"; the request's PathBase is prepended.</summary>
    public string Path { get; } = path;
}

/// <summary>
/// How an admin page answers a failed authorization. Policies such as <c>PlatformOperator</c> name both the
/// cookie and the API-key schemes; challenging both would leave a 401 carrying the cookie's redirect, which a
/// browser does not follow. Admin pages are for browsers, so they challenge and forbid with the cookie alone
/// (a redirect to the sign-in form). Every other endpoint keeps the default behavior.
/// </summary>
public sealed class AdminAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var endpoint = context.GetEndpoint();
        if (authorizeResult.Succeeded || endpoint?.Metadata.GetMetadata<AdminPageMetadata>() is null)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (endpoint.Metadata.GetMetadata<RedirectOnPlatformAttribute>() is { } redirect
            && context.RequestServices.GetRequiredService<ITenantContext>().Tenant is null)
        {
            context.Response.Redirect(context.Request.PathBase + redirect.Path);
            return;
        }

        if (authorizeResult.Forbidden)
        {
            await context.ForbidAsync(IdentityConstants.ApplicationScheme);
        }
        else
        {
            await context.ChallengeAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
