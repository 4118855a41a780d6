using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Identity;

/// <summary>
/// Only requests that present credentials (the sign-in cookie, an Authorization header) go through authentication
/// (Identity/PresentedCredentials.cs); these pin that nobody gets in, or is locked out, because of it.
/// </summary>
public sealed class PresentedCredentialsTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Fact]
    public async Task An_anonymous_request_to_a_staff_endpoint_answers_a_401_problem()
    {
        var response = await app.ForTenant("root").GetAsync(new Uri("/api/tenant/flags", UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_signed_in_member_is_authenticated_from_the_cookie()
    {
        var tenant = await app.CreateTenantAsync();

        var response = await tenant.Owner.GetAsync(new Uri("/api/tenant/flags", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Other_cookies_leave_a_request_anonymous()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/tenant/flags");
        request.Headers.Add("Cookie", "theme=dark; sp_authx=1");

        var response = await app.ForTenant("root").SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forged_sign_in_cookie_is_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/tenant/flags");
        request.Headers.Add("Cookie", "sp_auth=CfDJ8forged");

        var response = await app.ForTenant("root").SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_operator_key_alone_opens_the_platform_API_and_a_wrong_key_does_not()
    {
        var wrong = app.Platform();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key");

        var right = await app.Operator().GetAsync(new Uri("/api/platform/plugins", UriKind.Relative));
        var refused = await wrong.GetAsync(new Uri("/api/platform/plugins", UriKind.Relative));
        var anonymous = await app.Platform().GetAsync(new Uri("/api/platform/plugins", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_anonymous_visit_to_the_admin_is_sent_to_sign_in()
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://root.servicepro.localhost/"),
            AllowAutoRedirect = false,
        });

        var response = await browser.GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/sign-in", response.Headers.Location?.OriginalString.Replace("http://root.servicepro.localhost", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_public_endpoint_answers_the_same_with_or_without_a_cookie()
    {
        var tenant = await app.CreateTenantAsync();

        var signedIn = await tenant.Owner.GetStringAsync(new Uri("/api/tenant", UriKind.Relative));
        var anonymous = await app.ForTenant(tenant.Slug).GetStringAsync(new Uri("/api/tenant", UriKind.Relative));

        Assert.Equal(anonymous, signedIn);
    }
}

/// <summary>That anonymous requests really skip authentication: the host counts how often a request asks for the default scheme.</summary>
public sealed class AnonymousRequestsTests(AnonymousRequestsTests.CountingApp app) : IClassFixture<AnonymousRequestsTests.CountingApp>
{
    [Fact]
    public async Task An_anonymous_request_is_not_authenticated_and_a_signed_in_one_is()
    {
        var tenant = await app.CreateTenantAsync();
        var anonymous = app.ForTenant(tenant.Slug);

        var before = app.Schemes.DefaultAuthenticateAsked;
        for (var i = 0; i < 3; i++)
        {
            (await anonymous.GetAsync(new Uri("/api/tenant", UriKind.Relative))).EnsureSuccessStatusCode();
        }

        var afterAnonymous = app.Schemes.DefaultAuthenticateAsked;
        (await tenant.Owner.GetAsync(new Uri("/api/tenant/flags", UriKind.Relative))).EnsureSuccessStatusCode();

        Assert.Equal(before, afterAnonymous);
        Assert.True(app.Schemes.DefaultAuthenticateAsked > afterAnonymous);
    }

    public sealed class CountingApp : ServiceProApp
    {
        public CountingSchemes Schemes => (CountingSchemes)Services.GetRequiredService<IAuthenticationSchemeProvider>();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IAuthenticationSchemeProvider, CountingSchemes>());
        }
    }

    public sealed class CountingSchemes(IOptions<AuthenticationOptions> options) : AuthenticationSchemeProvider(options)
    {
        private int _asked;

        public int DefaultAuthenticateAsked => Volatile.Read(ref _asked);

        public override Task<AuthenticationScheme?> GetDefaultAuthenticateSchemeAsync()
        {
            Interlocked.Increment(ref _asked);
            return base.GetDefaultAuthenticateSchemeAsync();
        }
    }
}
