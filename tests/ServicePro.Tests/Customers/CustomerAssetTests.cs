using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServicePro.Tests.Infrastructure;
using static ServicePro.Tests.Technicians.TechnicianTestData;

namespace ServicePro.Tests.Customers;

public sealed class CustomerAssetTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Theory]
    [InlineData("auto_detail", "vehicle")]
    [InlineData("lawn_care", "property")]
    [InlineData("pet_grooming", "pet")]
    [InlineData("house_cleaning", "home")]
    public async Task An_asset_is_of_the_kind_its_trade_works_on_unless_told_otherwise(string pack, string kind)
    {
        var tenant = await app.CreateTenantAsync(pack);
        var customer = await CreateCustomerAsync(tenant.Owner);

        var usual = await (await tenant.Owner.PostAsJsonAsync($"/api/customers/{customer}/assets", new { label = "The usual" }))
            .JsonAsync(HttpStatusCode.Created);
        var named = await (await tenant.Owner.PostAsJsonAsync($"/api/customers/{customer}/assets", new { label = "Something else", kind = "Trailer" }))
            .JsonAsync(HttpStatusCode.Created);

        Assert.Equal(kind, usual.GetProperty("kind").GetString());
        Assert.Equal("trailer", named.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Assets_keep_partial_intake_answers_and_can_be_edited_and_removed_with_an_audit_trail()
    {
        var tenant = await app.CreateTenantAsync("lawn_care");
        var customer = await CreateCustomerAsync(tenant.Owner);
        var path = $"/api/customers/{customer}/assets";

        // The lawn's size is known; its grass height (required when booking) is asked at booking time.
        var created = await (await tenant.Owner.PostAsJsonAsync(path, new
        {
            label = " Front yard ",
            details = new Dictionary<string, string> { ["lot_size_sqft"] = " 7000 ", ["terrain"] = "" },
        })).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("Front yard", created.GetProperty("label").GetString());
        Assert.Equal("""{"lot_size_sqft":"7000"}""", created.GetProperty("details").GetRawText());

        var updated = await (await tenant.Owner.PutAsJsonAsync($"{path}/{id}", new
        {
            details = new Dictionary<string, string> { ["lot_size_sqft"] = "8000", ["grass_height"] = "tall" },
        })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Front yard", updated.GetProperty("label").GetString());
        Assert.Equal("tall", updated.GetProperty("details").GetProperty("grass_height").GetString());
        Assert.Equal("8000", Assert.Single((await tenant.Owner.GetFromJsonAsync<JsonElement[]>(path))!)
            .GetProperty("details").GetProperty("lot_size_sqft").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Owner.DeletePathAsync($"{path}/{id}")).StatusCode);
        Assert.Empty((await tenant.Owner.GetFromJsonAsync<JsonElement[]>(path))!);
        Assert.Equal(["customer_asset.created", "customer_asset.updated", "customer_asset.deleted"], await AuditActionsAsync(app, tenant.Slug, id));
    }

    [Theory]
    [InlineData("""{"details":{"lot_size_sqft":"7000"}}""", "label")]
    [InlineData("""{"label":"  "}""", "label")]
    [InlineData("""{"label":"Yard","kind":""}""", "kind")]
    [InlineData("""{"label":"Yard","details":{"colour":"green"}}""", "details.colour")]
    [InlineData("""{"label":"Yard","details":{"colour":""}}""", "details.colour")]
    [InlineData("""{"label":"Yard","details":{"grass_height":"jungle"}}""", "details.grass_height")]
    [InlineData("""{"label":"Yard","details":{"lot_size_sqft":"10"}}""", "details.lot_size_sqft")]
    [InlineData("""{"label":"Yard","details":{"lot_size_sqft":"big"}}""", "details.lot_size_sqft")]
    public async Task Bad_assets_are_refused_field_by_field_and_nothing_is_saved(string body, string field)
    {
        var tenant = await app.CreateTenantAsync("lawn_care");
        var customer = await CreateCustomerAsync(tenant.Owner);

        var response = await tenant.Owner.PostAsync(new Uri($"/api/customers/{customer}/assets", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.NotEmpty((await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field));
        Assert.Empty((await tenant.Owner.GetFromJsonAsync<JsonElement[]>($"/api/customers/{customer}/assets"))!);
    }

    [Fact]
    public async Task A_bad_edit_changes_nothing()
    {
        var tenant = await app.CreateTenantAsync("pet_grooming");
        var customer = await CreateCustomerAsync(tenant.Owner);
        var path = $"/api/customers/{customer}/assets";
        var id = (await (await tenant.Owner.PostAsJsonAsync(path, new { label = "Biscuit" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var response = await tenant.Owner.PutAsJsonAsync($"{path}/{id}", new { label = "", details = new Dictionary<string, string> { ["nope"] = "1" } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("label"));
        Assert.NotEmpty(problem.ErrorsFor("details.nope"));
        var asset = Assert.Single((await tenant.Owner.GetFromJsonAsync<JsonElement[]>(path))!);
        Assert.Equal("Biscuit", asset.GetProperty("label").GetString());
        Assert.Equal(["customer_asset.created"], await AuditActionsAsync(app, tenant.Slug, id));
    }

    [Fact]
    public async Task An_asset_a_booking_refers_to_cannot_be_removed()
    {
        var tenant = await app.CreateTenantAsync("auto_detail");
        var customer = await CreateCustomerAsync(tenant.Owner);
        var path = $"/api/customers/{customer}/assets";
        var asset = (await (await tenant.Owner.PostAsJsonAsync(path, new { label = "Blue F-150" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var technician = await CreateTechnicianAsync(tenant.Owner);
        await InsertBookingAsync(app, tenant.Slug, technician, DateTimeOffset.UtcNow.AddDays(3), assetId: asset, customerId: customer);

        var problem = await (await tenant.Owner.DeletePathAsync($"{path}/{asset}")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("vehicle", problem.GetProperty("detail").GetString());
        Assert.Single((await tenant.Owner.GetFromJsonAsync<JsonElement[]>(path))!);
    }

    [Fact]
    public async Task Another_business_can_neither_see_nor_touch_a_customers_assets()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var customer = await CreateCustomerAsync(tenant.Owner);
        var path = $"/api/customers/{customer}/assets";
        var asset = (await (await tenant.Owner.PostAsJsonAsync(path, new { label = "Back yard" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var b = other.Owner;

        await (await b.GetAsync(new Uri(path, UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await b.PostAsJsonAsync(path, new { label = "Planted" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await b.PutAsJsonAsync($"{path}/{asset}", new { label = "Hijacked" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await b.DeletePathAsync($"{path}/{asset}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Back yard", Assert.Single((await tenant.Owner.GetFromJsonAsync<JsonElement[]>(path))!).GetProperty("label").GetString());
    }

    [Fact]
    public async Task A_customer_may_carry_coordinates_given_both_at_once_and_in_range()
    {
        var tenant = await app.CreateTenantAsync();

        var created = await (await tenant.Owner.PostAsJsonAsync("/api/customers",
            new { name = "Geo Gina", phone = "(918) 555-0188", address = "5 Elm St, Tulsa", lat = 36.1, lng = -95.9 })).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var onlyLat = await tenant.Owner.PutAsJsonAsync($"/api/customers/{id}", new { lat = 36.2 });
        var outOfRange = await tenant.Owner.PutAsJsonAsync($"/api/customers/{id}", new { lat = 36.2, lng = 200 });
        var moved = await (await tenant.Owner.PutAsJsonAsync($"/api/customers/{id}", new { lat = 36.2, lng = -95.8 })).JsonAsync(HttpStatusCode.OK);
        var renamed = await (await tenant.Owner.PutAsJsonAsync($"/api/customers/{id}", new { name = "Gina Geo" })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(36.1, created.GetProperty("lat").GetDouble());
        Assert.NotEmpty((await onlyLat.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("lng"));
        Assert.NotEmpty((await outOfRange.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("lng"));
        Assert.Equal(-95.8, moved.GetProperty("lng").GetDouble());
        Assert.Equal(36.2, renamed.GetProperty("lat").GetDouble()); // left out, so kept
    }

    private static async Task<Guid> CreateCustomerAsync(HttpClient owner)
    {
        var response = await owner.PostAsJsonAsync("/api/customers", new { name = "Asset Owner", phone = "(918) 555-0150" });
        return (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }
}
