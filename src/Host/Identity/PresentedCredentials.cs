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
        var authenticated = app.New();
        authenticated.UseAuthentication();
        // UseAuthentication marks its builder so that WebApplication does not add another, unconditional one at the
        // front of the pipeline (before tenant resolution); the mark belongs on ours.
        foreach (var (key, value) in authenticated.Properties)
        {
            app.Properties.TryAdd(key, value);
        }

        return app.Use(next =>
        {
            authenticated.Run(next);
            var authenticate = authenticated.Build();
            return context =>
            {
                if (Presents(context.Request, cookie))
                {
                    return authenticate(context);
                }

                // What the authentication middleware records for a later challenge's redirect.
                context.Features.Set<IAuthenticationFeature>(new RequestPaths(context.Request));
                return next(context);
            };
        });
    }

    private sealed class RequestPaths(HttpRequest request) : IAuthenticationFeature
    {
        public PathString OriginalPathBase { get; set; } = request.PathBase;

        public PathString OriginalPath { get; set; } = request.Path;
    }

    /// <summary>A chunked cookie keeps its first part under the cookie's own name, so the name alone tells.</summary>
    public static bool Presents(HttpRequest request, string cookie) =>
        request.Headers.Authorization.Count > 0 || (request.Headers.Cookie.Count > 0 && request.Cookies.ContainsKey(cookie));
}
