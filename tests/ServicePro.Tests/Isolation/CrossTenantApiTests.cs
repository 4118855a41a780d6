using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Customers;
using ServicePro.Host.Persistence;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Isolation;

/// <summary>Tenant A, signed in, tries every way the API offers to reach tenant B's rows.</summary>
public sealed class CrossTenantApiTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Fact]
    public async Task A_tenant_cannot_read_update_or_delete_another_tenants_customer_through_the_API()
    {
        var a = await app.CreateTenantAsync();
        var b = await app.CreateTenantAsync();
        var bCustomer = await CreateCustomerAsync(b.Owner, "Bea Bystander", "+19185550101");

        var list = await a.Owner.GetFromJsonAsync<JsonElement[]>("/api/customers");
        Assert.Empty(list!);
        await (await a.Owner.GetAsync(new Uri($"/api/customers/{bCustomer}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await a.Owner.PutAsJsonAsync($"/api/customers/{bCustomer}", new { name = "Hijacked" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await a.Owner.DeleteAsync(new Uri($"/api/customers/{bCustomer}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);

        var still = await b.Owner.GetFromJsonAsync<JsonElement>($"/api/customers/{bCustomer}");
        Assert.Equal("Bea Bystander", still.GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_same_phone_number_can_be_a_customer_of_two_businesses_but_only_once_per_business()
    {
        var a = await app.CreateTenantAsync();
        var b = await app.CreateTenantAsync();

        await CreateCustomerAsync(a.Owner, "Sam Same", "(918) 555-0177");
        await CreateCustomerAsync(b.Owner, "Sam Same", "+1 918 555 0177");
        var duplicate = await a.Owner.PostAsJsonAsync("/api/customers", new { name = "Sam Again", phone = "9185550177" });

        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_signed_in_member_of_one_tenant_is_refused_by_another_tenant()
    {
        var a = await app.CreateTenantAsync();
        var b = await app.CreateTenantAsync();

        // A's cookie presented on B's address.
        var cookie = await SignInCookieAsync(a);
        var onB = app.ForTenant(b.Slug);
        onB.DefaultRequestHeaders.Add("Cookie", cookie);
        var response = await onB.GetAsync(new Uri("/api/customers", UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        // Signing in at B is refused like a wrong password (401, no "not a member"), so it confirms nothing about A's password.
        var signIn = await app.ForTenant(b.Slug).PostAsJsonAsync("/api/auth/sign-in", new { email = a.OwnerEmail, password = a.OwnerPassword });
        await signIn.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task EF_Core_filters_out_other_tenants_rows_and_the_save_guard_refuses_writing_them()
    {
        var a = await app.CreateTenantAsync();
        var b = await app.CreateTenantAsync();
        await CreateCustomerAsync(b.Owner, "Guarded", "+19185550144");

        var seenByA = await app.InTenantAsync(a.Slug, db => db.Customers.CountAsync());
        var bId = await app.InTenantAsync(b.Slug, db => Task.FromResult(db.CurrentTenantId));
        Assert.Equal(0, seenByA);

        var refused = await Assert.ThrowsAsync<CrossTenantWriteException>(() => app.InTenantAsync(a.Slug, async db =>
        {
            db.Customers.Add(new Customer { TenantId = bId, Id = Guid.NewGuid(), Name = "Planted", Phone = "+19185550145" });
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("another tenant", refused.Message);

        await Assert.ThrowsAsync<CrossTenantWriteException>(() => app.InTenantAsync(null, async db =>
        {
            db.Customers.Add(new Customer { TenantId = bId, Id = Guid.NewGuid(), Name = "Orphan", Phone = "+19185550146" });
            return await db.SaveChangesAsync();
        }));
        Assert.Equal(1, await app.InTenantAsync(b.Slug, db => db.Customers.CountAsync()));
    }

    private static async Task<Guid> CreateCustomerAsync(HttpClient owner, string name, string phone)
    {
        var response = await owner.PostAsJsonAsync("/api/customers", new { name, phone, smsConsent = true, smsConsentSource = "booking_form" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<string> SignInCookieAsync(TestTenant tenant)
    {
        var client = app.CreateClient(new() { BaseAddress = new Uri($"http://{tenant.Slug}.servicepro.localhost/"), HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = tenant.OwnerEmail, password = tenant.OwnerPassword });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }
}
