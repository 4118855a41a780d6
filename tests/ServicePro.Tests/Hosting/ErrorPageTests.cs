using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Host.Onboarding;
using ServicePro.Host.SignUp;
using ServicePro.Tests.Infrastructure;
using ServicePro.Tests.Onboarding;

namespace ServicePro.Tests.Hosting;

/// <summary>The host with sign-up broken on purpose for requests that ask for it, so that a page and an endpoint fail unexpectedly (500).</summary>
public sealed class ErrorPageApp : ServiceProApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(ErrorPages.BreakSignUp);
    }
}

public static class ErrorPages
{
    public const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    public const string ProvokeFailure = "provoke-failure";

    /// <summary>With <c>?provoke-failure</c>, sign-up (the /signup page, POST /api/signup) fails with an exception nobody expects.</summary>
    public static void BreakSignUp(IServiceCollection services) =>
        services.AddScoped<BusinessSignUp>(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request.Query.ContainsKey(ProvokeFailure) == true
            ? throw new InvalidOperationException("A failure the test provokes.")
            : ActivatorUtilities.CreateInstance<BusinessSignUp>(sp));

    /// <summary>A tenant whose owner filled in the business basics (with a phone and an e-mail customers can use).</summary>
    public static async Task<TestTenant> TenantWithContactAsync(ServiceProApp app, string brand)
    {
        var tenant = await app.CreateTenantAsync();
        (await tenant.Owner.PutAsJsonAsync("/api/onboarding/business-basics", OnboardingFlow.Basics(brand))).EnsureSuccessStatusCode();
        return tenant;
    }
}

public sealed class ErrorPageTests(ErrorPageApp app) : IClassFixture<ErrorPageApp>
{
    [Fact]
    public async Task A_person_who_opens_an_unknown_page_gets_a_page_under_the_business_brand_with_a_way_home()
    {
        var response = await Get(app.ForTenant("root"), "/no-such-page", ErrorPages.BrowserAccept);

        var html = await AssertPageAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("Page not found", html);
        Assert.Contains("Clean Machine", html);
        Assert.Contains("href=\"/\"", html);
    }

    [Fact]
    public async Task An_api_client_keeps_its_problem_for_the_same_unknown_page()
    {
        foreach (var accept in new[] { "application/json", "*/*", null })
        {
            var response = await Get(app.ForTenant("root"), "/no-such-page", accept);

            await response.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        // An /api/ path is for machines whatever the request accepts.
        await (await Get(app.ForTenant("root"), "/api/no-such-thing", ErrorPages.BrowserAccept)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("nobody.servicepro.localhost")]
    [InlineData("unknown-business.example.com")]
    public async Task An_address_that_names_no_business_gets_a_platform_page_to_people_and_a_problem_to_machines(string host)
    {
        var page = await Get(app.ClientFor(host), "/", ErrorPages.BrowserAccept);
        var problem = await Get(app.ClientFor(host), "/api/tenant", ErrorPages.BrowserAccept);

        var html = await AssertPageAsync(page, HttpStatusCode.NotFound);
        Assert.Contains("No business at this address", html);
        Assert.Contains("ServicePro", html);
        var json = await problem.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("No business here", json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_suspended_business_shows_its_brand_and_how_to_reach_it_and_its_api_stays_a_403_problem()
    {
        var tenant = await ErrorPages.TenantWithContactAsync(app, "Paused Pools");
        (await app.Operator().PostAsync(new Uri($"/api/platform/tenants/{tenant.Slug}/suspend", UriKind.Relative), null)).EnsureSuccessStatusCode();

        var page = await Get(app.ForTenant(tenant.Slug), "/admin", ErrorPages.BrowserAccept);
        var api = await Get(app.ForTenant(tenant.Slug), "/api/tenant", ErrorPages.BrowserAccept);

        var html = await AssertPageAsync(page, HttpStatusCode.Forbidden);
        Assert.Contains("Paused Pools isn&#x27;t available online right now", html);
        Assert.Contains("tel:&#x2B;19185550100", html);
        Assert.Contains("mailto:owner@shinywheels.example", html);
        Assert.Contains("--brand: #0e7490", html);
        var problem = await api.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Account suspended", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unexpected_error_shows_a_try_again_page_without_a_stack_trace_and_the_api_keeps_its_500_problem()
    {
        var page = await Get(app.Platform(), "/signup?provoke-failure", ErrorPages.BrowserAccept);
        var json = await Get(app.Platform(), "/signup?provoke-failure", "application/json");
        var api = await app.Platform().PostAsJsonAsync("/api/signup?provoke-failure", new { businessName = "X" });

        var html = await AssertPageAsync(page, HttpStatusCode.InternalServerError);
        Assert.Contains("Something went wrong", html);
        Assert.Contains("href=\"/signup?provoke-failure\"", html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain("A failure the test provokes", html);
        await json.AssertProblemAsync(HttpStatusCode.InternalServerError);
        var problem = await api.AssertProblemAsync(HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("A failure the test provokes", problem.ToString());
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string path, string? accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return client.SendAsync(request);
    }

    private static async Task<string> AssertPageAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        SecurityHeaderAssertions.AssertSecurityHeaders(response);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart());
        return html;
    }
}
