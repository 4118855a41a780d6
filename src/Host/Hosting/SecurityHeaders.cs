using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ServicePro.Host.Hosting;

/// <summary>
/// Sets the security headers on every response the host gives: API answers, pages, static files, problems and
/// 404s alike. They are written when the response starts, so a handler that clears the response (the exception
/// handler does) or answers early (tenant resolution, the rate limiter, static files) still sends them.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IFrameAncestors frameAncestors, IOptions<Tenancy.TenancyOptions> options)
{
    // A person's browser has no use for these on our pages; a compromised page then can't ask for them either.
    private const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), "
        + "midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=()";

    private readonly ContentSecurityPolicy _signUp = ContentSecurityPolicy.Default
        // The sign-up form's answer sends the new owner on to the business's own address.
        .With("form-action", $"'self' *.{options.Value.BaseDomain}:*");

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (self, http) = ((SecurityHeadersMiddleware, HttpContext))state;
            self.Apply(http);
            return Task.CompletedTask;
        }, (this, context));
        return next(context);
    }

    private void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        var metadata = context.GetEndpoint()?.Metadata;
        var policy = metadata?.GetMetadata<ContentSecurityPolicy>()
            ?? (metadata?.GetMetadata<FormsContinueAtTenantAddressesAttribute>() is null ? ContentSecurityPolicy.Default : _signUp);
        headers.ContentSecurityPolicy = policy.HeaderFor(context, frameAncestors.For(context));
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
    }
}

/// <summary>
/// Who may show our responses in a frame: the CSP <c>frame-ancestors</c> sources. Only our own pages today; the
/// widget capability replaces this service to let a business's own sites embed its booking pages.
/// </summary>
public interface IFrameAncestors
{
    /// <returns>null for the policy's own <c>'self'</c>; otherwise the sources, e.g. <c>'self' https://acme.example</c>.</returns>
    string? For(HttpContext context);
}

public sealed class SameOriginFrameAncestors : IFrameAncestors
{
    public string? For(HttpContext context) => null;
}

/// <summary>
/// A Content-Security-Policy. <see cref="Default"/> applies to everything; an endpoint that needs another one (the API
/// reference, the jobs dashboard) carries its own as endpoint metadata.
/// </summary>
public sealed class ContentSecurityPolicy
{
    private readonly KeyValuePair<string, string>[] _directives;
    private readonly string? _nonceItemKey;
    private readonly string _header;

    private ContentSecurityPolicy(KeyValuePair<string, string>[] directives, string? nonceItemKey)
    {
        _directives = directives;
        _nonceItemKey = nonceItemKey;
        _header = Build(null, null);
    }

    /// <summary>No inline or foreign script, nothing framed by others, forms and plugins kept home.</summary>
    public static ContentSecurityPolicy Default { get; } = new(
    [
        new("default-src", "'self'"),
        new("script-src", "'self'"),
        new("style-src", "'self'"),
        // style="" attributes only, never <style> elements: the pages carry the business's colours (CSS variables on
        // <body>) and draw the calendar, the dashboard's ranges and the plugin bars with positions and sizes computed
        // per request, which no fixed stylesheet can hold. Razor encodes every value, and the colours are validated hex.
        new("style-src-attr", "'unsafe-inline'"),
        // A business's logo may live on its own site (https only; a plain-http image would be mixed content anyway).
        new("img-src", "'self' data: https:"),
        new("font-src", "'self'"),
        new("connect-src", "'self'"),
        new("frame-ancestors", "'self'"),
        new("base-uri", "'self'"),
        new("form-action", "'self'"),
        new("object-src", "'none'"),
    ], null);

    /// <summary>
    /// The API reference (Scalar): its start-up script is inline and marked with a fresh nonce per request, and its
    /// components inject their own &lt;style&gt; elements, which carry no nonce.
    /// </summary>
    public static ContentSecurityPolicy ApiReference(string nonceItemKey) =>
        new(Default.With("style-src", "'self' 'unsafe-inline'")._directives, nonceItemKey);

    /// <summary>The jobs dashboard (Hangfire): its scripts are files, but its pages and charts use inline styles.</summary>
    public static ContentSecurityPolicy JobsDashboard { get; } = Default.With("style-src", "'self' 'unsafe-inline'");

    public ContentSecurityPolicy With(string directive, string sources) =>
        new(_directives.Any(d => d.Key == directive)
            ? _directives.Select(d => d.Key == directive ? new KeyValuePair<string, string>(directive, sources) : d).ToArray()
            : [.. _directives, new(directive, sources)], _nonceItemKey);

    public string HeaderFor(HttpContext context, string? frameAncestors)
    {
        var nonce = _nonceItemKey is null ? null : context.Items[_nonceItemKey] as string;
        return nonce is null && frameAncestors is null ? _header : Build(nonce, frameAncestors);
    }

    public override string ToString() => _header;

    private string Build(string? nonce, string? frameAncestors) => string.Join("; ", _directives.Select(d => d.Key switch
    {
        "script-src" when nonce is not null => $"{d.Key} {d.Value} 'nonce-{nonce}'",
        "frame-ancestors" when frameAncestors is not null => $"{d.Key} {frameAncestors}",
        _ => $"{d.Key} {d.Value}",
    }));
}

/// <summary>On a page model: its form's answer continues at a business's address ({slug}.{BaseDomain}), as sign-up's does.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FormsContinueAtTenantAddressesAttribute : Attribute;

public static class SecurityHeadersExtensions
{
    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<IFrameAncestors, SameOriginFrameAncestors>();
        return builder;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>();

    /// <summary>Gives the endpoints (e.g. a third-party UI) a policy of their own instead of the default.</summary>
    public static TBuilder WithContentSecurityPolicy<TBuilder>(this TBuilder builder, ContentSecurityPolicy policy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(policy);
}
