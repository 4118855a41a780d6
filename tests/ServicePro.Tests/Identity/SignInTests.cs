using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Host.Identity;
using ServicePro.Host.Tenancy;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Identity;

public sealed class SignInTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    public static TheoryData<string, string> TenantEndpoints => new()
    {
        { "GET", "/api/services" },
        { "PUT", $"/api/services/{Guid.Empty}" },
        { "POST", $"/api/services/{Guid.Empty}/estimate" },
        { "GET", "/api/customers" },
        { "POST", "/api/customers" },
        { "GET", $"/api/customers/{Guid.Empty}" },
        { "PUT", $"/api/customers/{Guid.Empty}" },
        { "DELETE", $"/api/customers/{Guid.Empty}" },
        { "GET", "/api/tenant/flags" },
        { "GET", "/api/loyalty/program" },
        { "GET", "/api/audit" },
        { "GET", "/api/auth/me" },
        { "GET", "/api/staff" },
        { "POST", "/api/staff" },
        { "DELETE", $"/api/staff/{Guid.Empty}" },
    };

    [Theory]
    [MemberData(nameof(TenantEndpoints))]
    public async Task No_tenant_endpoint_answers_without_a_signed_in_member(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "GET" or "DELETE" ? null : JsonContent.Create(new { }) };

        var response = await app.ForTenant("root").SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Signing_in_marks_the_business_active()
    {
        var tenant = await app.CreateTenantAsync();

        var lastActive = await app.InTenantAsync(null, db => db.Tenants.Where(t => t.Slug == tenant.Slug).Select(t => t.LastActiveAt).SingleAsync());

        Assert.NotNull(lastActive);
        Assert.True(lastActive > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Passwords_are_stored_hashed()
    {
        var tenant = await app.CreateTenantAsync();

        var hash = await app.InTenantAsync(null, db => db.Users.Where(u => u.Email == tenant.OwnerEmail).Select(u => u.PasswordHash).SingleAsync());

        Assert.DoesNotContain(tenant.OwnerPassword, hash);
        Assert.StartsWith("AQAAAA", hash); // ASP.NET Core Identity v3 format: PBKDF2 with a salt
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var tenant = await app.CreateTenantAsync();
        var client = app.ForTenant(tenant.Slug);

        for (var i = 0; i < 4; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = tenant.OwnerEmail, password = "Wrong-Password-1" });
            var problem = await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Equal("The email or password is incorrect.", problem.GetProperty("detail").GetString());
        }

        await (await client.PostAsJsonAsync("/api/auth/sign-in", new { email = tenant.OwnerEmail, password = "Wrong-Password-1" }))
            .AssertProblemAsync(HttpStatusCode.Locked);
        await (await client.PostAsJsonAsync("/api/auth/sign-in", new { email = tenant.OwnerEmail, password = tenant.OwnerPassword }))
            .AssertProblemAsync(HttpStatusCode.Locked);
    }

    [Fact]
    public async Task An_unknown_email_reads_exactly_like_a_wrong_password()
    {
        var response = await app.ForTenant("root").PostAsJsonAsync("/api/auth/sign-in", new { email = "nobody@example.com", password = "Whatever-123" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("The email or password is incorrect.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Missing_credentials_are_a_validation_problem()
    {
        var response = await app.ForTenant("root").PostAsJsonAsync("/api/auth/sign-in", new { email = "" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Roles_limit_what_staff_may_do()
    {
        var tenant = await app.CreateTenantAsync();
        var technician = await app.SignedInAsync(tenant.Slug, await app.AddStaffAsync(tenant.Slug, "technician"));
        var created = await technician.PostAsJsonAsync("/api/customers", new { name = "Tech Added", phone = "+19185550401" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var serviceId = (await technician.GetFromJsonAsync<JsonElement[]>("/api/services"))![0].GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.DeleteAsync(new Uri($"/api/customers/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.PutAsJsonAsync($"/api/services/{serviceId}", new { priceMax = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.GetAsync(new Uri("/api/audit", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Owner.DeleteAsync(new Uri($"/api/customers/{id}", UriKind.Relative))).StatusCode);
        var audit = await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/audit");
        Assert.Contains(audit!, a => a.GetProperty("action").GetString() == "customer.deleted");
    }

    [Fact]
    public async Task Only_operators_sign_in_on_the_platform_address_and_their_cookie_opens_the_platform_API()
    {
        var tenant = await app.CreateTenantAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var op = new AppUser { Id = Guid.NewGuid(), UserName = "ops@example.com", Email = "ops@example.com", IsPlatformOperator = true };
            Assert.True((await users.CreateAsync(op, ServiceProApp.Password)).Succeeded);
        }

        var ownerOnPlatform = await app.Platform().PostAsJsonAsync("/api/auth/sign-in", new { email = tenant.OwnerEmail, password = tenant.OwnerPassword });
        var operatorClient = app.Platform();
        var operatorSignIn = await operatorClient.PostAsJsonAsync("/api/auth/sign-in", new { email = "ops@example.com", password = ServiceProApp.Password });

        await ownerOnPlatform.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, operatorSignIn.StatusCode);
        (await operatorClient.GetAsync(new Uri("/api/platform/plugins", UriKind.Relative))).EnsureSuccessStatusCode();
        var me = await operatorClient.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.True(me.GetProperty("isOperator").GetBoolean());
    }
}
