using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ServicePro.Host.Hosting;

/// <summary>
/// HTTPS end to end, also behind a proxy that terminates TLS: the proxy's X-Forwarded-* headers are believed only
/// when they come from an address configured under <see cref="ForwardedHeadersSettings.Section"/>, so that
/// <c>Request.IsHttps</c> (HSTS, <c>Secure</c> cookies) and the client's address (rate limits) are the real ones and
/// nobody else can claim them.
/// </summary>
public static class TransportSecurity
{
    /// <remarks>Settings are read when first resolved, not at registration, so tests and tools can override configuration.</remarks>
    public static WebApplicationBuilder AddTransportSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.Section);
        builder.Services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>, TrustConfiguredProxies>();

        // No includeSubDomains: a business's custom domain has subdomains that are not ours to force onto HTTPS.
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });

        builder.Services.AddSecureCookies<AntiforgeryOptions>(o => o.Cookie);
        builder.Services.AddSecureCookies<CookieTempDataProviderOptions>(o => o.Cookie);
        return builder;
    }

    /// <summary>Production cookies are always <c>Secure</c>; elsewhere (plain-HTTP local runs, tests) as the request came.</summary>
    public static CookieSecurePolicy CookieSecurity(IHostEnvironment environment) =>
        environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    /// <summary>Every cookie of <typeparamref name="TOptions"/>, under any name, is as <c>Secure</c> as <see cref="CookieSecurity"/> says.</summary>
    public static IServiceCollection AddSecureCookies<TOptions>(this IServiceCollection services, Func<TOptions, CookieBuilder> cookie)
        where TOptions : class =>
        services.AddSingleton<IConfigureOptions<TOptions>>(sp => new ConfigureNamedOptions<TOptions, IHostEnvironment>(
            null, sp.GetRequiredService<IHostEnvironment>(), (o, environment) => cookie(o).SecurePolicy = CookieSecurity(environment)));

    /// <summary>First in the pipeline: everything after it sees the client's real address and scheme.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Configured)
        {
            // Resolved now so that a mistyped address stops the start, not the first request.
            _ = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>HSTS and the redirect to HTTPS, outside Development (which runs on plain http://localhost).</summary>
    public static WebApplication UseHttpsOnly(this WebApplication app)
    {
        // Production only: local runs and tests speak plain HTTP on a port of their own and have no HTTPS port to go to.
        if (!app.Environment.IsProduction())
        {
            return app;
        }

        app.UseHsts();
        // Health probes come from inside the network on plain HTTP; a redirect would fail them.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        return app;
    }
}

/// <summary>The "ServicePro:ForwardedHeaders" section: which proxies in front of the host may speak for the client.</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ServicePro:ForwardedHeaders";

    /// <summary>Addresses of the proxies (load balancer, ingress) whose X-Forwarded-For and -Proto are believed.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks in CIDR form (e.g. 10.0.0.0/8) whose proxies are believed.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>
    /// Also take X-Forwarded-Host. Off by default: the Host picks the tenant, so only a proxy that sets the header
    /// itself (never passing on the client's) may be trusted with it.
    /// </summary>
    public bool ForwardHost { get; set; }

    /// <summary>How many proxies in a row may be passed through (each must be a known one).</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool Configured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

/// <summary>Believes X-Forwarded-* from the configured proxies and from nobody else (the framework's default trusts loopback).</summary>
internal sealed class TrustConfiguredProxies(IOptions<ForwardedHeadersSettings> settings) : IConfigureOptions<ForwardedHeadersOptions>
{
    public void Configure(ForwardedHeadersOptions options)
    {
        var s = settings.Value;
        const string Section = ForwardedHeadersSettings.Section;
        if (s.ForwardLimit < 1)
        {
            throw new InvalidOperationException($"{Section}:ForwardLimit must be at least 1.");
        }

        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
            | (s.ForwardHost ? ForwardedHeaders.XForwardedHost : ForwardedHeaders.None);
        options.ForwardLimit = s.ForwardLimit;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in s.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies has '{proxy}', which is not an IP address."));
        }

        foreach (var network in s.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{Section}:KnownNetworks has '{network}', which is not a network in CIDR form (e.g. 10.0.0.0/8)."));
        }
    }
}
