using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Features;

public sealed class FeatureFlagTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Fact]
    public async Task A_disabled_features_endpoints_answer_404_for_that_tenant_only_and_a_switch_applies_on_the_next_request()
    {
        var a = await app.CreateTenantAsync("pet_grooming");
        var b = await app.CreateTenantAsync("pet_grooming");
        await SetFlagAsync(a.Slug, "loyalty_program_enabled", false);
        await SetFlagAsync(b.Slug, "loyalty_program_enabled", true);

        await (await a.Owner.GetAsync(new Uri("/api/loyalty/program", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        var program = await b.Owner.GetFromJsonAsync<JsonElement>("/api/loyalty/program");
        Assert.Equal(["Bronze", "Silver", "Gold", "Platinum"], program.GetProperty("tiers").EnumerateArray().Select(t => t.GetProperty("name").GetString()));

        await SetFlagAsync(a.Slug, "loyalty_program_enabled", true);
        await SetFlagAsync(b.Slug, "loyalty_program_enabled", false);

        (await a.Owner.GetAsync(new Uri("/api/loyalty/program", UriKind.Relative))).EnsureSuccessStatusCode();
        await (await b.Owner.GetAsync(new Uri("/api/loyalty/program", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Root_has_the_seeds_production_flags_and_new_tenants_get_platform_and_pack_defaults()
    {
        var rootFlags = await app.Operator().GetFromJsonAsync<Dictionary<string, bool>>("/api/platform/tenants/root/flags");
        var grooming = await app.CreateTenantAsync("pet_grooming");
        var groomingFlags = await grooming.Owner.GetFromJsonAsync<Dictionary<string, bool>>("/api/tenant/flags");

        Assert.Equal(17, rootFlags!.Count);
        foreach (var on in new[] { "wl_enabled", "ai_bio_coach_enabled", "otw_photos_enabled", "third_party_billing_enabled",
                     "loyalty_program_enabled", "weather_rescheduling_enabled", "multi_channel_messaging_enabled", "recurring_services_enabled" })
        {
            Assert.True(rootFlags[on], on);
        }

        Assert.False(rootFlags["wl_widget_enabled"]);
        Assert.True(rootFlags["require_preflight_green_for_live"]);
        Assert.False(groomingFlags!["weather_rescheduling_enabled"]); // the grooming pack: work happens inside a van
        Assert.False(groomingFlags["docs_cms_enabled"]);              // platform default
        Assert.True(groomingFlags["require_preflight_green_for_live"]);
    }

    [Fact]
    public async Task Unknown_flags_and_missing_values_are_refused_and_change_nothing()
    {
        var tenant = await app.CreateTenantAsync();
        var before = await tenant.Owner.GetFromJsonAsync<Dictionary<string, bool>>("/api/tenant/flags");

        var unknown = await app.Operator().PutAsJsonAsync($"/api/platform/tenants/{tenant.Slug}/flags/teleport_enabled", new { enabled = true });
        var missing = await app.Operator().PutAsJsonAsync($"/api/platform/tenants/{tenant.Slug}/flags/docs_cms_enabled", new { });
        var noTenant = await app.Operator().PutAsJsonAsync("/api/platform/tenants/nobody/flags/docs_cms_enabled", new { enabled = true });

        await unknown.AssertProblemAsync(HttpStatusCode.BadRequest);
        await missing.AssertProblemAsync(HttpStatusCode.BadRequest);
        await noTenant.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await tenant.Owner.GetFromJsonAsync<Dictionary<string, bool>>("/api/tenant/flags"));
    }

    private async Task SetFlagAsync(string slug, string flag, bool enabled)
    {
        var response = await app.Operator().PutAsJsonAsync($"/api/platform/tenants/{slug}/flags/{flag}", new { enabled });
        response.EnsureSuccessStatusCode();
        Assert.Equal(enabled, (await response.Content.ReadFromJsonAsync<Dictionary<string, bool>>())![flag]);
    }
}
