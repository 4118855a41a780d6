using Microsoft.Extensions.Options;
using ServicePro.Host.Hosting;

namespace ServicePro.Host.Tenancy;

/// <summary>
/// Works out which tenant a request is for: a /t/{slug}/ path prefix (local use), a custom domain, or
/// {slug}.{BaseDomain}. Platform hosts (localhost, the bare base domain) carry no tenant. An address that
/// names no live tenant is answered here and goes no further.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, TenantDirectory directory, IOptions<TenancyOptions> options)
{
    private const string PathPrefix = "/t";
    private readonly string _baseDomainSuffix = "." + options.Value.BaseDomain.ToLowerInvariant();
    private readonly HashSet<string> _platformHosts = new(
        options.Value.PlatformHosts.Append(options.Value.BaseDomain), StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/health"))
        {
            await next(context);
            return;
        }

        var (found, tenant) = await ResolveAsync(context);
        if (!found)
        {
            await next(context);
            return;
        }

        if (tenant is null || tenant.Status == TenantStatus.Deleted)
        {
            // A person's browser gets a page that speaks of the address (Hosting/ErrorPages.cs).
            context.Features.Set(new TurnedAway(null));
            await Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No business here",
                detail: "No business on this platform answers at this address.").ExecuteAsync(context);
            return;
        }

        if (tenant.Status == TenantStatus.Suspended)
        {
            context.Features.Set(new TurnedAway(tenant));
            await Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Account suspended",
                detail: $"{tenant.BrandName}'s account is suspended. Please contact the business directly.").ExecuteAsync(context);
            return;
        }

        // On the request itself, which the request's scope also answers: a platform address, or a request that needs
        // nothing scoped, never opens the scope for its tenant (docs/decisions/0017).
        var tenantContext = TenantContext.ForRequest(context);
        tenantContext.Set(tenant);
        context.Features.Set<ITenantContext>(tenantContext);
        await next(context);
    }

    /// <returns>found = false when the request is for the platform itself; otherwise the tenant, or null if unknown.</returns>
    private async ValueTask<(bool Found, TenantInfo? Tenant)> ResolveAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments(PathPrefix, out var afterPrefix)
            && afterPrefix.HasValue
            && afterPrefix.Value!.Length > 1)
        {
            var rest = afterPrefix.Value.AsSpan(1);
            var slash = rest.IndexOf('/');
            var slug = (slash < 0 ? rest : rest[..slash]).ToString();
            request.PathBase = request.PathBase.Add(PathPrefix + "/" + slug);
            request.Path = slash < 0 ? "/" : rest[slash..].ToString();
            return (true, await directory.FindBySlugAsync(slug, context.RequestAborted));
        }

        var host = request.Host.Host;
        if (_platformHosts.Contains(host))
        {
            return (false, null);
        }

        if (host.EndsWith(_baseDomainSuffix, StringComparison.OrdinalIgnoreCase))
        {
            var slug = host[..^_baseDomainSuffix.Length];
            return (true, slug.Contains('.') ? null : await directory.FindBySlugAsync(slug, context.RequestAborted));
        }

        return (true, await directory.FindByDomainAsync(host, context.RequestAborted));
    }
}
