using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace ServicePro.Bench.Anchor;

/// <summary>
/// The host's pieces the anchor can add, each the way the host adds it (src/Host/Hosting/HostingExtensions.cs,
/// Identity/IdentityExtensions.cs, Tenancy/TenantResolutionMiddleware.cs), in the host's pipeline order:
/// <list type="bullet">
/// <item><c>autofac</c>: Autofac as the container (every request-scope resolve goes through it);</item>
/// <item><c>exceptions</c>: ProblemDetails, UseExceptionHandler, UseStatusCodePages;</item>
/// <item><c>scope</c>: a middleware before routing whose InvokeAsync takes a scoped argument, like tenant resolution's
/// TenantContext: it opens the request scope on every request, platform address or not;</item>
/// <item><c>ratelimiter</c>: AddRateLimiter with a per-client fixed-window policy and UseRateLimiter (the static
/// endpoint names no policy, like the host's);</item>
/// <item><c>staticfiles</c>: UseStaticFiles;</item>
/// <item><c>auth</c>: identity's cookie schemes as the default (what AddIdentityCookies registers), UseAuthentication
/// and UseAuthorization: an anonymous request resolves the handler provider and a transient cookie handler.</item>
/// </list>
/// </summary>
internal sealed record AnchorPieces(bool Autofac, bool Exceptions, bool Scope, bool RateLimiter, bool StaticFiles, bool Auth)
{
    private static readonly string[] Known = ["autofac", "exceptions", "scope", "ratelimiter", "staticfiles", "auth"];

    public static AnchorPieces Parse(string? text)
    {
        var names = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var name in names)
        {
            if (!Known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Unknown anchor piece '{name}'; known: {string.Join(", ", Known)}.");
            }
        }

        bool Has(string piece) => names.Contains(piece, StringComparer.OrdinalIgnoreCase);
        return new AnchorPieces(Has("autofac"), Has("exceptions"), Has("scope"), Has("ratelimiter"), Has("staticfiles"), Has("auth"));
    }

    public void AddServices(IServiceCollection services)
    {
        if (Exceptions)
        {
            services.AddProblemDetails();
        }

        if (Scope)
        {
            services.AddScoped<RequestHolder>();
        }

        if (RateLimiter)
        {
            services.AddRateLimiter(o => o.AddPolicy("public", http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = int.MaxValue,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })));
        }

        if (Auth)
        {
            services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
            services.AddAuthorization();
        }
    }

    public void UsePipeline(WebApplication app)
    {
        if (Exceptions)
        {
            app.UseExceptionHandler();
            app.UseStatusCodePages();
        }

        if (Scope)
        {
            app.UseMiddleware<ScopedArgumentMiddleware>();
        }

        app.UseRouting();
        if (RateLimiter)
        {
            app.UseRateLimiter();
        }

        if (StaticFiles)
        {
            app.UseStaticFiles();
        }

        if (Auth)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }
    }
}

/// <summary>Stands for the host's scoped TenantContext.</summary>
internal sealed class RequestHolder
{
    public string? Value { get; set; }
}

/// <summary>Stands for TenantResolutionMiddleware on a platform address: takes its scoped argument and passes on.</summary>
internal sealed class ScopedArgumentMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, RequestHolder holder)
    {
        holder.Value = context.Request.Host.Host;
        return next(context);
    }
}
