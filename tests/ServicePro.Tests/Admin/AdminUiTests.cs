using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServicePro.Host.Identity;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Admin;

/// <summary>The admin shell in real headless Chromium, with an axe-core accessibility scan of every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminUiTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Tenant_staff_sign_in_and_see_their_brand_services_and_flags()
    {
        var tenant = await app.CreateTenantAsync("lawn_care");
        var page = await app.NewPageAsync();

        await page.GotoAsync($"/t/{tenant.Slug}/admin");
        Assert.Contains("/admin/sign-in", page.Url);
        await BrowserApp.AssertAccessibleAsync(page);
        await page.FillAsync("#Email", tenant.OwnerEmail);
        await page.FillAsync("#Password", tenant.OwnerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForURLAsync($"**/t/{tenant.Slug}/admin");
        Assert.Equal($"Brand {tenant.Slug}", await page.TextContentAsync("#brand-heading"));
        var services = await page.Locator("#services h3").AllTextContentsAsync();
        Assert.Contains("Mowing & Edging", services.Select(s => s.Trim()));
        Assert.Contains("Aeration", services.Select(s => s.Trim()));
        Assert.Contains("On", await page.TextContentAsync("#flag-weather_rescheduling_enabled"));
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("tenant-dashboard"), FullPage = true });

        await page.SetViewportSizeAsync(390, 844);
        await BrowserApp.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_wrong_password_and_a_person_from_another_business_see_the_same_refusal()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var page = await app.NewPageAsync();

        await page.GotoAsync($"/t/{tenant.Slug}/admin/sign-in");
        await page.FillAsync("#Email", tenant.OwnerEmail);
        await page.FillAsync("#Password", "Not-The-Password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var wrongPassword = await page.TextContentAsync("#sign-in-error");
        Assert.Contains(ServicePro.Host.Identity.PasswordSignIn.RefusedDetail, wrongPassword);
        await BrowserApp.AssertAccessibleAsync(page);

        await page.FillAsync("#Email", other.OwnerEmail);
        await page.FillAsync("#Password", other.OwnerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Telling a stranger "not a member" would confirm the password they tried: they read what a wrong password reads.
        Assert.Equal(wrongPassword, await page.TextContentAsync("#sign-in-error"));
    }

    [Fact]
    public async Task Operators_create_suspend_reactivate_and_switch_flags_for_tenants_and_see_plugins()
    {
        var page = await SignInAsOperatorAsync();
        await BrowserApp.AssertAccessibleAsync(page);

        await page.FillAsync("#Slug", "green-acres");
        await page.FillAsync("#Name", "Green Acres Lawn Co");
        await page.FillAsync("#BrandName", "Green Acres");
        await page.SelectOptionAsync("#Industry", "lawn_care");
        await page.FillAsync("#OwnerEmail", "owner@green-acres.example.com");
        await page.FillAsync("#OwnerPassword", ServiceProApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create tenant" }).ClickAsync();
        await page.Locator("[role=status]").Filter(new() { HasText = "Created green-acres" }).WaitForAsync();
        Assert.Contains("onboarding", await page.TextContentAsync("#tenant-green-acres"));
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("operator-tenants"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Suspend green-acres" }).ClickAsync();
        await page.Locator("#tenant-green-acres").Filter(new() { HasText = "suspended" }).WaitForAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ForTenant("green-acres").GetAsync(new Uri("/api/tenant", UriKind.Relative))).StatusCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reactivate green-acres" }).ClickAsync();
        await page.Locator("#tenant-green-acres").Filter(new() { HasText = "onboarding" }).WaitForAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.ForTenant("green-acres").GetAsync(new Uri("/api/tenant", UriKind.Relative))).StatusCode);

        await page.GotoAsync("/admin/platform/tenants/green-acres");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on docs_cms_enabled" }).ClickAsync();
        await page.Locator("[role=status]").Filter(new() { HasText = "is now on" }).WaitForAsync();
        var flags = await app.Operator().GetFromJsonAsync<Dictionary<string, bool>>("/api/platform/tenants/green-acres/flags");
        Assert.True(flags!["docs_cms_enabled"]);

        await page.GotoAsync("/admin/platform/plugins");
        await BrowserApp.AssertAccessibleAsync(page);
        foreach (var pack in new[] { "auto_detail", "lawn_care", "pet_grooming", "house_cleaning" })
        {
            Assert.Contains("loaded", await page.Locator("#plugins-table tr", new() { HasText = pack }).First.TextContentAsync());
        }
    }

    [Fact]
    public async Task The_create_form_shows_field_errors_and_creates_nothing()
    {
        var page = await SignInAsOperatorAsync();
        var before = (await app.Operator().GetFromJsonAsync<object[]>("/api/platform/tenants"))!.Length;

        await page.FillAsync("#Slug", "Not A Slug");
        await page.FillAsync("#Name", "Whatever");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create tenant" }).ClickAsync();

        await page.Locator("#Slug-error").WaitForAsync();
        Assert.Equal("true", await page.GetAttributeAsync("#Slug", "aria-invalid"));
        await BrowserApp.AssertAccessibleAsync(page);
        Assert.Equal(before, (await app.Operator().GetFromJsonAsync<object[]>("/api/platform/tenants"))!.Length);
    }

    private async Task<IPage> SignInAsOperatorAsync()
    {
        var email = $"ops-{Guid.NewGuid():N}@example.com";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var created = await users.CreateAsync(
                new AppUser { Id = Guid.NewGuid(), UserName = email, Email = email, IsPlatformOperator = true }, ServiceProApp.Password);
            Assert.True(created.Succeeded);
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync("/admin/sign-in");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", ServiceProApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/platform/tenants");
        return page;
    }
}
