using System.Net;
using System.Net.Http.Json;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Tenancy;

public sealed class TightlyLimitedApp : ServiceProApp
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["ServicePro:RateLimits:PublicPerMinute"] = "3";
        settings["ServicePro:RateLimits:SignInPerMinute"] = "2";
    }
}

public sealed class RateLimitTests(TightlyLimitedApp app) : IClassFixture<TightlyLimitedApp>
{
    [Fact]
    public async Task Public_endpoints_are_rate_limited_with_a_problem_and_retry_after()
    {
        var client = app.ForTenant("root");
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync(new Uri("/api/tenant", UriKind.Relative))).EnsureSuccessStatusCode();
        }

        var limited = await client.GetAsync(new Uri("/api/tenant", UriKind.Relative));

        var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        Assert.NotNull(limited.Headers.RetryAfter);

        // The other anonymous endpoints draw on the same budget per address: open times for the booking widget, and
        // a technician's calendar feed (whose secret address a calendar app polls, and a guesser would hammer).
        foreach (var path in new[] { $"/api/availability?serviceId={Guid.NewGuid()}", "/calendar/0123456789abcdef.ics" })
        {
            await (await client.GetAsync(new Uri(path, UriKind.Relative))).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        }
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited()
    {
        var client = app.ForTenant("root");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/auth/sign-in", new { email = "guess@example.com", password = "Guess-12345" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task One_visitor_using_up_one_businesss_allowance_leaves_another_business_open()
    {
        // Fresh businesses, so the other tests' use of ROOT's allowance does not matter; each owner's sign-in is one of
        // that business's two sign-ins this minute.
        var first = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var hammered = app.ForTenant(first.Slug);
        for (var i = 0; i < 4; i++)
        {
            await hammered.GetAsync(new Uri("/api/tenant", UriKind.Relative));
            await hammered.PostAsJsonAsync("/api/auth/sign-in", new { email = "guess@example.com", password = "Guess-12345" });
        }

        await (await hammered.GetAsync(new Uri("/api/tenant", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        var elsewhere = app.ForTenant(other.Slug);

        // The same client address at another business has that business's own allowance.
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync(new Uri("/api/tenant", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await elsewhere.PostAsJsonAsync("/api/auth/sign-in", new { email = "guess@example.com", password = "Guess-12345" })).StatusCode);
    }
}
