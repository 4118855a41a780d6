using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Tenancy;

public sealed class TenantResolutionTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Fact]
    public async Task Root_tenant_is_seeded_as_Clean_Machine_and_answers_on_its_custom_domain()
    {
        var client = app.CreateClient(new() { BaseAddress = new Uri("http://cleanmachinetulsa.com/") });

        var profile = await client.GetFromJsonAsync<JsonElement>("/api/tenant");

        Assert.Equal("root", profile.GetProperty("slug").GetString());
        Assert.Equal("Clean Machine Auto Detail", profile.GetProperty("name").GetString());
        Assert.Equal("Clean Machine", profile.GetProperty("brandName").GetString());
        Assert.Equal("auto_detail", profile.GetProperty("industry").GetString());
        Assert.Equal("active", profile.GetProperty("status").GetString());
        Assert.Equal("America/Chicago", profile.GetProperty("timezone").GetString());
        Assert.StartsWith("#", profile.GetProperty("primaryColor").GetString());
        var root = await app.InTenantAsync("root", db => Task.FromResult(db.CurrentTenantId));
        Assert.Equal(Guid.Parse("00000000-0000-0000-0000-000000000001"), root);
    }

    [Theory]
    [InlineData("http://root.servicepro.localhost/api/tenant")]
    [InlineData("http://ROOT.ServicePro.localhost/api/tenant")]
    [InlineData("http://localhost/t/root/api/tenant")]
    public async Task A_tenant_is_found_by_subdomain_and_by_path_prefix(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url));

        response.EnsureSuccessStatusCode();
        Assert.Equal("root", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString());
    }

    [Theory]
    [InlineData("http://nobody.servicepro.localhost/api/tenant")]
    [InlineData("http://unknown-business.example.com/api/tenant")]
    [InlineData("http://localhost/t/nobody/api/tenant")]
    [InlineData("http://a.b.servicepro.localhost/api/tenant")]
    public async Task An_unknown_address_answers_404(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url));

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("No business", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_platform_address_has_no_tenant_profile()
    {
        var response = await app.Platform().GetAsync(new Uri("/api/tenant", UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_suspended_tenant_is_refused_clearly_until_reactivated_and_a_deleted_one_is_gone()
    {
        var tenant = await app.CreateTenantAsync();
        var anonymous = app.ForTenant(tenant.Slug);
        var operatorClient = app.Operator();
        (await anonymous.GetAsync(new Uri("/api/tenant", UriKind.Relative))).EnsureSuccessStatusCode();

        (await operatorClient.PostAsync(new Uri($"/api/platform/tenants/{tenant.Slug}/suspend", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var suspended = await (await anonymous.GetAsync(new Uri("/api/tenant", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("suspended", suspended.GetProperty("detail").GetString());
        await (await tenant.Owner.GetAsync(new Uri("/api/services", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);

        var reactivated = await operatorClient.PostAsync(new Uri($"/api/platform/tenants/{tenant.Slug}/reactivate", UriKind.Relative), null);
        Assert.Equal("onboarding", (await reactivated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        (await tenant.Owner.GetAsync(new Uri("/api/services", UriKind.Relative))).EnsureSuccessStatusCode();

        (await operatorClient.DeleteAsync(new Uri($"/api/platform/tenants/{tenant.Slug}", UriKind.Relative))).EnsureSuccessStatusCode();
        await (await anonymous.GetAsync(new Uri("/api/tenant", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await operatorClient.PostAsync(new Uri($"/api/platform/tenants/{tenant.Slug}/reactivate", UriKind.Relative), null))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_root_tenant_cannot_be_deleted()
    {
        var response = await app.Operator().DeleteAsync(new Uri("/api/platform/tenants/root", UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }
}
