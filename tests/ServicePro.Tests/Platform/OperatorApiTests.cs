using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Auditing;
using ServicePro.Host.Catalog;
using ServicePro.Host.Tenancy;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Platform;

public sealed class OperatorApiTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Fact]
    public async Task The_platform_API_refuses_callers_without_the_operator_key()
    {
        var anonymous = await app.Platform().GetAsync(new Uri("/api/platform/tenants", UriKind.Relative));
        var wrongKey = app.Platform();
        wrongKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync(new Uri("/api/platform/tenants", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_tenant_owner_is_not_an_operator()
    {
        var tenant = await app.CreateTenantAsync();

        var response = await tenant.Owner.GetAsync(new Uri("/api/platform/tenants", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Creating_a_tenant_on_a_pack_seeds_its_settings_services_and_flags_from_the_pack()
    {
        var response = await app.Operator().PostAsJsonAsync("/api/platform/tenants",
            new { slug = "acme-lawn", name = "Acme Lawn LLC", brandName = "Acme Lawn", industry = "lawn_care", timezone = "America/Denver" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/platform/tenants/acme-lawn", response.Headers.Location?.ToString());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("onboarding", created.GetProperty("status").GetString());
        Assert.Equal("lawn_care", created.GetProperty("industry").GetString());

        var services = await app.InTenantAsync("acme-lawn", db => db.Services.OrderBy(s => s.SortOrder).ToListAsync());
        var mowing = Assert.Single(services, s => s.Name == "Mowing & Edging");
        Assert.Equal((35m, 75m, 30), (mowing.PriceMin, mowing.PriceMax, mowing.DurationMinutes));
        Assert.Contains(services, s => s.Name == "Aeration");
        var settings = await app.InTenantAsync("acme-lawn", db => db.TenantSettings.SingleAsync());
        Assert.Equal(15, settings.SchedulerConfig.BufferMinutes);
        Assert.True(settings.Flags["weather_rescheduling_enabled"]);
        Assert.Equal(17, settings.Flags.Count);
        var audit = await app.InTenantAsync("acme-lawn", db => db.AuditLog.Select(a => a.Action).ToListAsync());
        Assert.Contains("tenant.created", audit);

        var listed = await app.Operator().GetFromJsonAsync<JsonElement[]>("/api/platform/tenants");
        Assert.Contains(listed!, t => t.GetProperty("slug").GetString() == "acme-lawn");
        Assert.Contains(listed!, t => t.GetProperty("slug").GetString() == "root");
    }

    [Theory]
    [InlineData("""{"slug":"Bad Slug!","name":"X","industry":"lawn_care"}""", "slug")]
    [InlineData("""{"slug":"api","name":"X","industry":"lawn_care"}""", "slug")]
    [InlineData("""{"slug":"fine-slug","name":"","industry":"lawn_care"}""", "name")]
    [InlineData("""{"slug":"fine-slug","name":"X","industry":"plumbing"}""", "industry")]
    [InlineData("""{"slug":"fine-slug","name":"X","industry":"lawn_care","timezone":"Mars/Olympus"}""", "timezone")]
    [InlineData("""{"slug":"fine-slug","name":"X","industry":"lawn_care","primaryColor":"blue"}""", "primaryColor")]
    [InlineData("""{"slug":"fine-slug","name":"X","industry":"lawn_care","customDomain":"not a domain"}""", "customDomain")]
    [InlineData("""{"slug":"fine-slug","name":"X","industry":"lawn_care","owner":{"email":"o@fine.example.com","password":"short"}}""", "owner.password")]
    public async Task Bad_input_gets_a_validation_problem_and_creates_nothing(string body, string field)
    {
        var before = await app.InTenantAsync(null, db => db.Tenants.CountAsync());

        var response = await app.Operator().PostAsync(new Uri("/api/platform/tenants", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
        Assert.Equal(before, await app.InTenantAsync(null, db => db.Tenants.CountAsync()));
        Assert.Equal(0, await app.InTenantAsync(null, db => db.Users.CountAsync(u => u.Email == "o@fine.example.com")));
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_problem()
    {
        var response = await app.Operator().PostAsync(new Uri("/api/platform/tenants", UriKind.Relative),
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_taken_slug_or_domain_is_a_409()
    {
        var first = await app.Operator().PostAsJsonAsync("/api/platform/tenants",
            new { slug = "twice", name = "Twice", industry = "custom", customDomain = "twice.example.com" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var sameSlug = await app.Operator().PostAsJsonAsync("/api/platform/tenants", new { slug = "twice", name = "Again", industry = "custom" });
        var sameDomain = await app.Operator().PostAsJsonAsync("/api/platform/tenants",
            new { slug = "thrice", name = "Again", industry = "custom", customDomain = "TWICE.example.com" });

        await sameSlug.AssertProblemAsync(HttpStatusCode.Conflict);
        await sameDomain.AssertProblemAsync(HttpStatusCode.Conflict);
        var served = await app.CreateClient(new() { BaseAddress = new Uri("http://twice.example.com/") }).GetFromJsonAsync<JsonElement>("/api/tenant");
        Assert.Equal("twice", served.GetProperty("slug").GetString());
    }

    [Fact]
    public async Task The_custom_pack_exists_for_trades_without_a_plugin()
    {
        var tenant = await app.CreateTenantAsync("custom");

        var services = await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/services");

        Assert.Contains(services!, s => s.GetProperty("name").GetString() == "Service Call");
    }

    [Fact]
    public async Task Operators_can_add_staff_with_a_role_and_bad_roles_are_refused()
    {
        var tenant = await app.CreateTenantAsync();

        var bad = await app.Operator().PostAsJsonAsync($"/api/platform/tenants/{tenant.Slug}/staff",
            new { email = "x@example.com", password = ServiceProApp.Password, role = "janitor" });
        var missing = await app.Operator().PostAsJsonAsync("/api/platform/tenants/no-such-tenant/staff",
            new { email = "x@example.com", password = ServiceProApp.Password, role = "staff" });
        var email = await app.AddStaffAsync(tenant.Slug, "technician");

        await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        await missing.AssertProblemAsync(HttpStatusCode.NotFound);
        var me = await (await app.SignedInAsync(tenant.Slug, email)).GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal("technician", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_and_its_reference_page_are_served()
    {
        var document = await app.Platform().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var reference = await app.Platform().GetAsync(new Uri("/scalar", UriKind.Relative));

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/platform/tenants", out _));
        Assert.True(paths.TryGetProperty("/api/industry-packs", out _));
        Assert.True(paths.TryGetProperty("/api/tenant", out _));
        reference.EnsureSuccessStatusCode();
        Assert.Contains("text/html", reference.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Readiness_is_reported_once_the_database_and_plugins_are_ready()
    {
        var response = await app.Platform().GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
