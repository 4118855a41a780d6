using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Hosting;

public sealed partial class SecurityHeadersTests(ErrorPageApp app) : IClassFixture<ErrorPageApp>
{
    [Theory]
    [InlineData("root.servicepro.localhost", "/api/tenant", HttpStatusCode.OK)] // an API answer
    [InlineData("root.servicepro.localhost", "/admin/sign-in", HttpStatusCode.OK)] // a page
    [InlineData("localhost", "/css/admin.css", HttpStatusCode.OK)] // a static file
    [InlineData("localhost", "/no-such-page", HttpStatusCode.NotFound)] // a 404 from status code pages
    [InlineData("nobody.servicepro.localhost", "/api/tenant", HttpStatusCode.NotFound)] // a problem from tenant resolution
    [InlineData("localhost", "/api/platform/tenants", HttpStatusCode.Unauthorized)] // a refusal
    [InlineData("localhost", "/api/signup?" + ErrorPages.ProvokeFailure, HttpStatusCode.InternalServerError, "POST")] // the exception handler's problem
    public async Task Every_kind_of_response_carries_the_security_headers(string host, string path, HttpStatusCode status, string method = "GET")
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        var response = await app.ClientFor(host).SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        SecurityHeaderAssertions.AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task The_policy_allows_no_inline_or_foreign_script_and_no_framing_by_others()
    {
        var response = await app.ForTenant("root").GetAsync(new Uri("/admin/sign-in", UriKind.Relative));

        var policy = SecurityHeaderAssertions.Policy(response);
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self'", policy["style-src"]);
        Assert.Equal("'self'", policy["frame-ancestors"]);
        Assert.Equal("'self'", policy["base-uri"]);
        Assert.Equal("'self'", policy["form-action"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_api_reference_may_run_only_its_own_nonced_start_up_script()
    {
        var response = await app.Platform().GetAsync(new Uri("/scalar/", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync();
        var nonces = NonceAttribute().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        var nonce = Assert.Single(nonces);
        Assert.Equal($"'self' 'nonce-{nonce}'", SecurityHeaderAssertions.Policy(response)["script-src"]);
        // A fresh one per request.
        var again = await app.Platform().GetAsync(new Uri("/scalar/", UriKind.Relative));
        Assert.DoesNotContain(nonce, SecurityHeaderAssertions.Policy(again)["script-src"]);
    }

    [Fact]
    public async Task Only_the_sign_up_page_lets_its_form_continue_at_a_business_address()
    {
        var signUp = await app.Platform().GetAsync(new Uri("/signup", UriKind.Relative));
        var signIn = await app.Platform().GetAsync(new Uri("/admin/sign-in", UriKind.Relative));

        Assert.Equal("'self' *.servicepro.localhost:*", SecurityHeaderAssertions.Policy(signUp)["form-action"]);
        Assert.Equal("'self'", SecurityHeaderAssertions.Policy(signIn)["form-action"]);
    }

    [GeneratedRegex("nonce=\"([^\"]+)\"")]
    private static partial Regex NonceAttribute();
}

public static class SecurityHeaderAssertions
{
    public static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var policy = Policy(response);
        Assert.Equal("'self'", policy["frame-ancestors"]);
        Assert.DoesNotContain("unsafe-inline", policy["script-src"]);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        var permissions = Header(response, "Permissions-Policy");
        foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()" })
        {
            Assert.Contains(feature, permissions);
        }
    }

    public static Dictionary<string, string> Policy(HttpResponseMessage response) =>
        Header(response, "Content-Security-Policy")
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    private static string Header(HttpResponseMessage response, string name)
    {
        HttpHeaders headers = response.Headers.Contains(name) ? response.Headers : response.Content.Headers;
        Assert.True(headers.TryGetValues(name, out var values), $"{name} is missing on {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})");
        return string.Join(", ", values);
    }
}
