using System.Net;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Tenancy;

/// <summary>Two host instances on one database: a change made through one reaches the other's caches.</summary>
public sealed class MultiInstanceTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Fact]
    public async Task Suspending_or_switching_a_flag_on_one_instance_applies_on_the_other_without_waiting_for_cache_expiry()
    {
        await using var second = new SharedDatabaseApp(app.Database, new() { ["ServicePro:Secrets:Keys:1"] = ServiceProApp.MasterKeyV1 });
        await second.InitializeAsync();
        var tenant = await app.CreateTenantAsync("lawn_care");
        var onSecond = await second.SignedInAsync(tenant.Slug, tenant.OwnerEmail);

        // Warm the second instance's caches: the tenant, and its flags (loyalty is off for lawn care).
        Assert.Equal(HttpStatusCode.NotFound, (await onSecond.GetAsync(new Uri("/api/loyalty/program", UriKind.Relative))).StatusCode);

        (await app.Operator().PutAsync(new Uri($"/api/platform/tenants/{tenant.Slug}/flags/loyalty_program_enabled", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { enabled = true }))).EnsureSuccessStatusCode();
        await EventuallyAsync(onSecond, "/api/loyalty/program", HttpStatusCode.OK);

        (await app.Operator().PostAsync(new Uri($"/api/platform/tenants/{tenant.Slug}/suspend", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await EventuallyAsync(onSecond, "/api/tenant", HttpStatusCode.Forbidden);
    }

    /// <summary>NOTIFY is delivered asynchronously, in milliseconds; the cache would take a minute.</summary>
    private static Task<HttpStatusCode> EventuallyAsync(HttpClient client, string path, HttpStatusCode expected) =>
        Eventually.UntilAsync(
            async () => (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode,
            status => status == expected,
            $"GET {path} did not answer {expected}",
            TimeSpan.FromSeconds(5));
}
