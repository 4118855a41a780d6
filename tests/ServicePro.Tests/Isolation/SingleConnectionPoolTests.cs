using System.Net.Http.Json;
using System.Text.Json;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Isolation;

/// <summary>The host with a pool of exactly one connection, so every request reuses the previous tenant's connection.</summary>
public sealed class SingleConnectionApp : ServiceProApp
{
    protected override string AppConnectionString => Database.AppConnectionString + ";Maximum Pool Size=1";
}

public sealed class SingleConnectionPoolTests(SingleConnectionApp app) : IClassFixture<SingleConnectionApp>
{
    [Fact]
    public async Task Alternating_tenants_on_one_pooled_connection_never_leak_rows()
    {
        var a = await app.CreateTenantAsync("pet_grooming");
        var b = await app.CreateTenantAsync("house_cleaning");
        (await a.Owner.PostAsJsonAsync("/api/customers", new { name = "Only A", phone = "+19185550301" })).EnsureSuccessStatusCode();
        (await b.Owner.PostAsJsonAsync("/api/customers", new { name = "Only B", phone = "+19185550302" })).EnsureSuccessStatusCode();

        for (var i = 0; i < 20; i++)
        {
            var (tenant, expected) = i % 2 == 0 ? (a, "Only A") : (b, "Only B");
            var customers = await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/customers");
            Assert.Equal([expected], customers!.Select(c => c.GetProperty("name").GetString()));
            var services = await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/services");
            Assert.Contains(services!, s => s.GetProperty("name").GetString() == (tenant == a ? "Full Groom" : "Deep Cleaning"));
        }

        // And concurrently: requests queue for the one connection and still see only their own tenant.
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var (tenant, expected) = i % 2 == 0 ? (a, "Only A") : (b, "Only B");
            var customers = await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/customers");
            return customers!.Length == 1 && customers[0].GetProperty("name").GetString() == expected;
        }));
        Assert.All(results, Assert.True);
    }
}
