using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Auditing;
using ServicePro.Host.Catalog;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Catalog;

/// <summary>A business adds and edits its own services next to the ones its pack seeded.</summary>
public sealed class ServiceApiTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Fact]
    public async Task An_owner_adds_a_service_of_their_own_and_it_is_listed_last_and_audited()
    {
        var tenant = await app.CreateTenantAsync("lawn_care");

        var created = await tenant.Owner.PostAsJsonAsync("/api/services", new
        {
            name = "Holiday Lights",
            description = "Hang and take down",
            priceMin = 200,
            priceMax = 600,
            durationMinutes = 180,
            isOutdoor = true,
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var service = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(180, service.GetProperty("maxDurationMinutes").GetInt32());
        Assert.True(service.GetProperty("isOutdoor").GetBoolean());
        var listed = await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/services");
        Assert.Equal("Holiday Lights", listed![^1].GetProperty("name").GetString());
        var id = service.GetProperty("id").GetString();
        Assert.Equal(1, await app.InTenantAsync(tenant.Slug, db => db.AuditLog.CountAsync(a => a.Action == "service.created" && a.EntityId == id)));

        var indoors = await tenant.Owner.PutAsJsonAsync($"/api/services/{id}", new { isOutdoor = false });
        Assert.False((await indoors.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isOutdoor").GetBoolean());
    }

    [Theory]
    [InlineData("{\"name\":\"\",\"priceMin\":1,\"priceMax\":2,\"durationMinutes\":60}", "name")]
    [InlineData("{\"name\":\"X\",\"priceMin\":5,\"priceMax\":2,\"durationMinutes\":60}", "priceMin")]
    [InlineData("{\"name\":\"X\",\"priceMin\":1,\"priceMax\":2,\"durationMinutes\":2}", "durationMinutes")]
    [InlineData("{\"name\":\"X\",\"priceMin\":1,\"priceMax\":2,\"durationMinutes\":60,\"maxDurationMinutes\":30}", "durationMinutes")]
    public async Task A_bad_service_is_refused_and_nothing_is_added(string body, string field)
    {
        var tenant = await app.CreateTenantAsync("lawn_care");
        var before = await app.InTenantAsync(tenant.Slug, db => db.Services.CountAsync());

        var response = await tenant.Owner.PostAsync(new Uri("/api/services", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.NotEmpty((await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field));
        Assert.Equal(before, await app.InTenantAsync(tenant.Slug, db => db.Services.CountAsync()));
    }

    [Fact]
    public async Task Names_are_unique_and_staff_cannot_add_services()
    {
        var tenant = await app.CreateTenantAsync("lawn_care");
        var existing = (await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/services"))![0].GetProperty("name").GetString();
        var staff = await app.SignedInAsync(tenant.Slug, await app.AddStaffAsync(tenant.Slug, "staff"));

        var duplicate = await tenant.Owner.PostAsJsonAsync("/api/services", new { name = existing, priceMin = 1, priceMax = 2, durationMinutes = 60 });
        var byStaff = await staff.PostAsJsonAsync("/api/services", new { name = "New", priceMin = 1, priceMax = 2, durationMinutes = 60 });

        Assert.NotEmpty((await duplicate.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("name"));
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
    }
}
