using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Hosting;

/// <summary>The host as it runs in Production (HSTS, redirect to HTTPS on port 443).</summary>
public sealed class ProductionApp : ServiceProApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }

    protected override void Configure(Dictionary<string, string?> settings) => settings["https_port"] = "443";
}

/// <summary>The host as `dotnet run` starts it.</summary>
public sealed class DevelopmentApp : ServiceProApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

public sealed class ProductionTransportTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    [Fact]
    public async Task Production_sends_HSTS_over_https_and_redirects_plain_http_but_not_health_probes()
    {
        var https = app.CreateClient(new() { BaseAddress = new Uri("https://root.servicepro.localhost/"), AllowAutoRedirect = false });
        var http = app.CreateClient(new() { BaseAddress = new Uri("http://root.servicepro.localhost/"), AllowAutoRedirect = false });

        var secure = await https.GetAsync(new Uri("/admin/sign-in", UriKind.Relative));
        var plain = await http.GetAsync(new Uri("/admin/sign-in?x=1", UriKind.Relative));
        var probe = await http.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Equal("max-age=31536000", string.Join(",", secure.Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal(new Uri("https://root.servicepro.localhost/admin/sign-in?x=1"), plain.Headers.Location);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        SecurityHeaderAssertions.AssertSecurityHeaders(plain);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }

    [Fact]
    public void Production_cookies_are_always_secure()
    {
        var cookies = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();

        Assert.Equal(CookieSecurePolicy.Always, cookies.Get(IdentityConstants.ApplicationScheme).Cookie.SecurePolicy);
        Assert.Equal(CookieSecurePolicy.Always, app.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>().Value.Cookie.SecurePolicy);
    }
}

public sealed class DevelopmentTransportTests(DevelopmentApp app) : IClassFixture<DevelopmentApp>
{
    [Fact]
    public async Task Development_sends_no_HSTS_and_serves_plain_http()
    {
        var https = app.CreateClient(new() { BaseAddress = new Uri("https://root.servicepro.localhost/"), AllowAutoRedirect = false });
        var http = app.CreateClient(new() { BaseAddress = new Uri("http://root.servicepro.localhost/"), AllowAutoRedirect = false });

        var secure = await https.GetAsync(new Uri("/admin/sign-in", UriKind.Relative));
        var plain = await http.GetAsync(new Uri("/admin/sign-in", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.False(secure.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        var cookies = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();
        Assert.Equal(CookieSecurePolicy.SameAsRequest, cookies.Get(IdentityConstants.ApplicationScheme).Cookie.SecurePolicy);
    }
}

/// <summary>
/// The host on a real dual-stack port behind a "proxy" at 127.0.0.1 (the only configured one): requests over IPv4
/// loopback come from the proxy, requests over [::1] from a stranger. Each response says what the host made of it.
/// </summary>
public sealed class ProxiedApp : ServiceProApp
{
    public int Port { get; private set; }

    public override async Task InitializeAsync()
    {
        UseKestrel(o => o.Listen(IPAddress.IPv6Any, 0));
        await base.InitializeAsync();
        StartServer();
        Port = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "localhost", StringComparison.Ordinal)).Port;
    }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["ServicePro:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, EchoWhatTheHostSaw>());
    }

    public override HttpClient ClientFor(string host) => Through("127.0.0.1", host);

    /// <summary>A client that reaches the host from <paramref name="peer"/> (127.0.0.1: the proxy; ::1: anyone else).</summary>
    public HttpClient Through(string peer, string host)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri($"http://{(peer.Contains(':') ? $"[{peer}]" : peer)}:{Port}/"),
        };
        client.DefaultRequestHeaders.Host = host;
        return client;
    }

    /// <summary>Reports, on every response, the client address, scheme and host the pipeline ended up with.</summary>
    private sealed class EchoWhatTheHostSaw : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Response.OnStarting(() =>
                {
                    var remote = context.Connection.RemoteIpAddress;
                    context.Response.Headers["X-Seen-Client"] = (remote is { IsIPv4MappedToIPv6: true } ? remote.MapToIPv4() : remote)?.ToString();
                    context.Response.Headers["X-Seen-Scheme"] = context.Request.Scheme;
                    context.Response.Headers["X-Seen-Host"] = context.Request.Host.Value;
                    return Task.CompletedTask;
                });
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class ForwardedHeadersTests(ProxiedApp app) : IClassFixture<ProxiedApp>
{
    [Fact]
    public async Task The_configured_proxy_is_believed_about_the_client_address_and_https_but_not_about_the_host()
    {
        var response = await Forwarded(app.Through("127.0.0.1", "root.servicepro.localhost"), "/api/tenant");

        response.EnsureSuccessStatusCode();
        Assert.Equal("203.0.113.7", Seen(response, "Client"));
        Assert.Equal("https", Seen(response, "Scheme"));
        // The tenant comes from the Host: a forwarded host is not believed unless ForwardHost says so.
        Assert.Equal("root.servicepro.localhost", Seen(response, "Host"));
    }

    [Fact]
    public async Task Anyone_else_claiming_to_be_a_proxy_is_ignored()
    {
        var response = await Forwarded(app.Through("::1", "root.servicepro.localhost"), "/api/tenant");

        response.EnsureSuccessStatusCode();
        Assert.Equal("::1", Seen(response, "Client"));
        Assert.Equal("http", Seen(response, "Scheme"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_sign_in_cookie_is_secure_behind_the_tls_terminating_proxy_and_only_there()
    {
        var email = await app.AddStaffAsync("root", "admin");

        var proxied = await Forwarded(app.Through("127.0.0.1", "root.servicepro.localhost"), "/api/auth/sign-in", new { email, password = ServiceProApp.Password });
        var direct = await Forwarded(app.Through("::1", "root.servicepro.localhost"), "/api/auth/sign-in", new { email, password = ServiceProApp.Password });

        Assert.Equal(HttpStatusCode.NoContent, proxied.StatusCode);
        Assert.Contains("; secure", AuthCookie(proxied), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NoContent, direct.StatusCode);
        Assert.DoesNotContain("; secure", AuthCookie(direct), StringComparison.OrdinalIgnoreCase);
    }

    private static Task<HttpResponseMessage> Forwarded(HttpClient client, string path, object? body = null)
    {
        var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, path)
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "other.servicepro.localhost");
        return client.SendAsync(request);
    }

    private static string Seen(HttpResponseMessage response, string what) => string.Join(",", response.Headers.GetValues("X-Seen-" + what));

    private static string AuthCookie(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sp_auth=", StringComparison.Ordinal));
}
