using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Packs;

public sealed class EstimateEndpointTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Fact]
    public async Task A_job_is_estimated_from_intake_answers_within_the_tenants_own_ranges()
    {
        var tenant = await app.CreateTenantAsync("pet_grooming");
        var groom = (await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/services"))!.Single(s => s.GetProperty("name").GetString() == "Full Groom");
        var id = groom.GetProperty("id").GetGuid();
        var answers = new Dictionary<string, string>
        {
            ["pet_name"] = "Bella",
            ["species"] = "dog",
            ["breed"] = "Newfoundland",
            ["weight_lb"] = "120",
            ["coat_condition"] = "some_tangles",
            ["temperament"] = "calm",
            ["rabies_vaccinated"] = "true",
        };

        var response = await tenant.Owner.PostAsJsonAsync($"/api/services/{id}/estimate", new { answers });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var large = await response.Content.ReadFromJsonAsync<JsonElement>();
        (await tenant.Owner.PutAsJsonAsync($"/api/services/{id}", new { priceMax = 90 })).EnsureSuccessStatusCode();
        var capped = await (await tenant.Owner.PostAsJsonAsync($"/api/services/{id}/estimate", new { answers })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.InRange(large.GetProperty("price").GetDecimal(), 61, 120);
        Assert.True(capped.GetProperty("price").GetDecimal() <= 90);
        Assert.NotEmpty(large.GetProperty("adjustments").EnumerateArray());
    }

    [Fact]
    public async Task Invalid_intake_answers_get_field_errors()
    {
        var tenant = await app.CreateTenantAsync("house_cleaning");
        var id = (await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/services"))![0].GetProperty("id").GetGuid();

        var response = await tenant.Owner.PostAsJsonAsync($"/api/services/{id}/estimate",
            new { answers = new Dictionary<string, string> { ["bedrooms"] = "many", ["hovercraft"] = "yes" } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("bedrooms"));
        Assert.NotEmpty(problem.ErrorsFor("hovercraft"));
        Assert.NotEmpty(problem.ErrorsFor("bathrooms"));
    }

    [Fact]
    public async Task Bad_service_edits_are_refused_and_change_nothing()
    {
        var tenant = await app.CreateTenantAsync("lawn_care");
        var service = (await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/services"))![0];
        var id = service.GetProperty("id").GetGuid();

        var inverted = await tenant.Owner.PutAsJsonAsync($"/api/services/{id}", new { priceMin = 500, priceMax = 100 });
        var tooShort = await tenant.Owner.PutAsJsonAsync($"/api/services/{id}", new { durationMinutes = 1 });

        await inverted.AssertProblemAsync(HttpStatusCode.BadRequest);
        await tooShort.AssertProblemAsync(HttpStatusCode.BadRequest);
        var after = (await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/services"))!.Single(s => s.GetProperty("id").GetGuid() == id);
        Assert.Equal(service.GetProperty("priceMin").GetDecimal(), after.GetProperty("priceMin").GetDecimal());
        Assert.Equal(service.GetProperty("durationMinutes").GetInt32(), after.GetProperty("durationMinutes").GetInt32());
    }
}
