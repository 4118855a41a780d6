using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ServicePro.Host.Identity;

/// <summary>
/// Authenticates only the requests that present credentials: the sign-in cookie or an <c>Authorization</c> header (the
/// operator key). Most requests are anonymous — the booking widget, availability, a business's public profile, static
/// files — and for them the authentication middleware would resolve its handler provider and a cookie handler through
/// the request's Autofac scope only to find no cookie (about 20 µs and 8 KB a request, bench/README.md).
/// </summary>
/// <remarks>
/// Nothing changes for a request that needs a signed-in user and has none: the endpoint's policy still fails, and
/// the challenge answers 401 (API) or sends the browser to sign in (pages), as before. The policy evaluator
/// authenticates a policy's own schemes itself (the operator policy's key and cookie), whatever ran here.
/// </remarks>
public static class PresentedCredentials
{
    public static IApplicationBuilder UseAuthenticationOfPresentedCredentials(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        // A remote scheme (an OAuth callback) must see every request to find its own path: then authenticate all.
        if (services.GetRequiredService<IAuthenticationSchemeProvider>().GetRequestHandlerSchemesAsync().GetAwaiter().GetResult().Any())
        {
            return app.UseAuthentication();
        }

        var cookie = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).Cookie.Name
            ?? throw new InvalidOperationException("The sign-in cookie has no name.");
        return app.UseWhen(context => Presents(context.Request, cookie), authenticated => authenticated.UseAuthentication());
    }

    /// <summary>A chunked cookie keeps its first part under the cookie's own name, so the name alone tells.</summary>
    public static bool Presents(HttpRequest request, string cookie) =>
        request.Headers.Authorization.Count > 0 || (request.Headers.Cookie.Count > 0 && request.Cookies.ContainsKey(cookie));
}
