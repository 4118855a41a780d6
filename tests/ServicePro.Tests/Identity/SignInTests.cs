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

public sealed class SignInTests(SignInTests.CountingHashesApp app) : IClassFixture<SignInTests.CountingHashesApp>
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

        for (var i = 0; i < 5; i++)
        {
            await AssertRefusedAsync(await client.PostAsJsonAsync("/api/auth/sign-in", new { email = tenant.OwnerEmail, password = "Wrong-Password-1" }));
        }

        await AssertRefusedAsync(await client.PostAsJsonAsync("/api/auth/sign-in", new { email = tenant.OwnerEmail, password = tenant.OwnerPassword }));
    }

    [Fact]
    public async Task Wrong_passwords_at_one_business_do_not_lock_the_person_out_of_another()
    {
        var first = await app.CreateTenantAsync();
        var second = await app.CreateTenantAsync();
        var email = await app.AddStaffAsync(first.Slug, "staff");
        var added = await app.Operator().PostAsJsonAsync($"/api/platform/tenants/{second.Slug}/staff", new { email, password = ServiceProApp.Password, role = "admin" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var atFirst = app.ForTenant(first.Slug);

        for (var i = 0; i < 5; i++)
        {
            await AssertRefusedAsync(await atFirst.PostAsJsonAsync("/api/auth/sign-in", new { email, password = "Wrong-Password-1" }));
        }

        await AssertRefusedAsync(await atFirst.PostAsJsonAsync("/api/auth/sign-in", new { email, password = ServiceProApp.Password }));
        var atSecond = await app.ForTenant(second.Slug).PostAsJsonAsync("/api/auth/sign-in", new { email, password = ServiceProApp.Password });
        Assert.Equal(HttpStatusCode.NoContent, atSecond.StatusCode);
        var lockedHere = await app.InTenantAsync(first.Slug, db => db.StaffMemberships.Select(m => m.LockedOutUntil).ToListAsync());
        Assert.Contains(lockedHere, until => until > DateTimeOffset.UtcNow);
        Assert.Null(await app.InTenantAsync(null, db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task An_operator_is_locked_out_of_the_platform_after_five_wrong_passwords()
    {
        const string email = "locked-ops@example.com";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var op = new AppUser { Id = Guid.NewGuid(), UserName = email, Email = email, IsPlatformOperator = true };
            Assert.True((await users.CreateAsync(op, ServiceProApp.Password)).Succeeded);
        }

        var platform = app.Platform();
        for (var i = 0; i < 5; i++)
        {
            await AssertRefusedAsync(await platform.PostAsJsonAsync("/api/auth/sign-in", new { email, password = "Wrong-Password-1" }));
        }

        await AssertRefusedAsync(await platform.PostAsJsonAsync("/api/auth/sign-in", new { email, password = ServiceProApp.Password }));
    }

    [Fact]
    public async Task An_unknown_email_a_wrong_password_and_a_locked_account_get_the_same_answer()
    {
        var tenant = await app.CreateTenantAsync();
        var locked = await app.AddStaffAsync(tenant.Slug, "staff");
        var client = app.ForTenant(tenant.Slug);
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/auth/sign-in", new { email = locked, password = "Wrong-Password-1" });
        }

        var unknown = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = "nobody@example.com", password = "Whatever-123" });
        var wrong = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = tenant.OwnerEmail, password = "Wrong-Password-1" });
        var lockedOut = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = locked, password = ServiceProApp.Password });
        var stranger = await client.PostAsJsonAsync("/api/auth/sign-in",
            new { email = (await app.CreateTenantAsync()).OwnerEmail, password = ServiceProApp.Password });

        var expected = await AssertRefusedAsync(unknown);
        Assert.Equal(expected, await AssertRefusedAsync(wrong));
        Assert.Equal(expected, await AssertRefusedAsync(lockedOut));
        Assert.Equal(expected, await AssertRefusedAsync(stranger));
    }

    [Fact]
    public async Task An_unknown_email_costs_a_password_hash_like_a_wrong_password()
    {
        var tenant = await app.CreateTenantAsync();
        var client = app.ForTenant(tenant.Slug);

        var before = app.Verifications;
        await client.PostAsJsonAsync("/api/auth/sign-in", new { email = "nobody@example.com", password = "Whatever-123" });
        var forUnknown = app.Verifications - before;
        before = app.Verifications;
        await client.PostAsJsonAsync("/api/auth/sign-in", new { email = tenant.OwnerEmail, password = "Wrong-Password-1" });
        var forWrong = app.Verifications - before;

        Assert.Equal(1, forUnknown);
        Assert.Equal(forWrong, forUnknown);
    }

    [Fact]
    public async Task A_lockout_is_written_to_the_audit_log_and_counted_on_the_owners_dashboard()
    {
        var tenant = await app.CreateTenantAsync();
        var technician = await app.AddStaffAsync(tenant.Slug, "technician");
        var client = app.ForTenant(tenant.Slug);

        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/auth/sign-in", new { email = technician, password = "Wrong-Password-1" });
        }

        var audit = await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/audit");
        var entry = Assert.Single(audit!, a => a.GetProperty("action").GetString() == SignInLockouts.Action);
        Assert.Equal(technician, entry.GetProperty("details").GetProperty("email").GetString());
        var dashboard = await tenant.Owner.GetStringAsync(new Uri("/admin", UriKind.Relative));
        Assert.Contains("1 sign-in lockout this week", dashboard);
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

        await AssertRefusedAsync(ownerOnPlatform);
        Assert.Equal(HttpStatusCode.NoContent, operatorSignIn.StatusCode);
        (await operatorClient.GetAsync(new Uri("/api/platform/plugins", UriKind.Relative))).EnsureSuccessStatusCode();
        var me = await operatorClient.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.True(me.GetProperty("isOperator").GetBoolean());
    }

    /// <summary>The refusal every failed sign-in gets; returns its body without the per-request trace id, for comparing.</summary>
    private static async Task<string> AssertRefusedAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(PasswordSignIn.RefusedDetail, problem.GetProperty("detail").GetString());
        return string.Join("\n", problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value.GetRawText()}"));
    }

    /// <summary>The real host with a password hasher that counts its checks, to see that every refusal pays for one.</summary>
    public sealed class CountingHashesApp : ServiceProApp
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddScoped<IPasswordHasher<AppUser>>(_ => new CountingHasher(this)));
        }

        private sealed class CountingHasher(CountingHashesApp app) : PasswordHasher<AppUser>
        {
            public override PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
            {
                Interlocked.Increment(ref app._verifications);
                return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }
}
