using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Identity;

public sealed class StaffTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Fact]
    public async Task An_owner_adds_a_technician_who_can_then_sign_in_and_is_listed()
    {
        var tenant = await app.CreateTenantAsync();

        var added = await tenant.Owner.PostAsJsonAsync("/api/staff",
            new { email = "tech@crew.example.com", password = ServiceProApp.Password, displayName = "Terry Tech", role = "technician" });
        var staff = await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/staff");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(["owner", "technician"], staff!.Select(s => s.GetProperty("role").GetString()));
        Assert.Equal("Terry Tech", staff![1].GetProperty("displayName").GetString());
        await app.SignedInAsync(tenant.Slug, "tech@crew.example.com");
    }

    [Fact]
    public async Task Admins_cannot_grant_or_remove_owner_and_admin_and_technicians_cannot_manage_staff()
    {
        var tenant = await app.CreateTenantAsync();
        var admin = await app.SignedInAsync(tenant.Slug, await app.AddStaffAsync(tenant.Slug, "admin"));
        var technician = await app.SignedInAsync(tenant.Slug, await app.AddStaffAsync(tenant.Slug, "technician"));
        var ownerId = (await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/staff"))!
            .Single(s => s.GetProperty("role").GetString() == "owner").GetProperty("userId").GetGuid();

        await (await admin.PostAsJsonAsync("/api/staff", new { email = "boss@example.com", password = ServiceProApp.Password, role = "owner" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.DeleteAsync(new Uri($"/api/staff/{ownerId}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.PostAsJsonAsync("/api/staff",
            new { email = "x@example.com", password = ServiceProApp.Password, role = "staff" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/staff",
            new { email = $"helper-{Guid.NewGuid():N}@example.com", password = ServiceProApp.Password, role = "staff" })).StatusCode);
    }

    [Fact]
    public async Task The_last_owner_cannot_be_removed_and_other_tenants_people_are_not_found()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var staff = await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/staff");
        var ownerId = staff![0].GetProperty("userId").GetGuid();
        var otherOwnerId = (await other.Owner.GetFromJsonAsync<JsonElement[]>("/api/staff"))![0].GetProperty("userId").GetGuid();

        await (await tenant.Owner.DeleteAsync(new Uri($"/api/staff/{ownerId}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await tenant.Owner.DeleteAsync(new Uri($"/api/staff/{otherOwnerId}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Single((await other.Owner.GetFromJsonAsync<JsonElement[]>("/api/staff"))!);
    }

    [Theory]
    [InlineData("""{"email":"a@example.com","password":"Correct-Horse-42","role":"janitor"}""", "role")]
    [InlineData("""{"email":"not-an-email","password":"Correct-Horse-42","role":"staff"}""", "email")]
    [InlineData("""{"email":"new-person@example.com","role":"staff"}""", "password")]
    [InlineData("""{"email":"weak@example.com","password":"short","role":"staff"}""", "password")]
    public async Task Bad_staff_input_is_a_validation_problem_and_adds_no_one(string body, string field)
    {
        var tenant = await app.CreateTenantAsync();

        var response = await tenant.Owner.PostAsync(new Uri("/api/staff", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
        Assert.Single((await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/staff"))!);
    }
}
