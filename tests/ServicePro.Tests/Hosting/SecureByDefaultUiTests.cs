using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServicePro.Host.Identity;
using ServicePro.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.Tests.Hosting;

public sealed class ErrorPageBrowserApp : BrowserApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(ErrorPages.BreakSignUp);
    }
}

/// <summary>Error pages and the third-party pages (API reference, jobs dashboard) under the policy, in headless Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecureByDefaultUiTests(ErrorPageBrowserApp app) : IClassFixture<ErrorPageBrowserApp>
{
    [Fact]
    public async Task On_a_phone_a_person_gets_readable_branded_error_pages_with_a_way_forward()
    {
        var tenant = await ErrorPages.TenantWithContactAsync(app, "Tidy Lawns");
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);

        var missing = await page.GotoAsync($"/t/{tenant.Slug}/no-such-page");
        Assert.Equal(404, missing!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await Expect(page.Locator(".site-name")).ToHaveTextAsync("Tidy Lawns");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Call or text" }).Or(page.Locator("#error-contact a[href^='tel:']"))).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("error-404-phone"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to Tidy Lawns's home page" }).ClickAsync();
        Assert.Contains($"/t/{tenant.Slug}/admin", page.Url);

        var failed = await page.GotoAsync("/signup?" + ErrorPages.ProvokeFailure);
        Assert.Equal(500, failed!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Something went wrong");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Try again" })).ToHaveAttributeAsync("href", "/signup?" + ErrorPages.ProvokeFailure);
        await BrowserApp.AssertAccessibleAsync(page);

        (await app.Operator().PostAsync(new Uri($"/api/platform/tenants/{tenant.Slug}/suspend", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var suspended = await page.GotoAsync($"/t/{tenant.Slug}/admin");
        Assert.Equal(403, suspended!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tidy Lawns isn't available online right now");
        await Expect(page.Locator("#error-contact")).ToContainTextAsync("owner@shinywheels.example");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("error-suspended-phone"), FullPage = true });
    }

    [Fact]
    public async Task The_api_reference_runs_under_its_policy_without_a_violation()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/scalar/");

        await Expect(page).ToHaveTitleAsync("ServicePro API");
        await Expect(page.GetByRole(AriaRole.Main)).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        BrowserApp.AssertNoConsoleErrors(page);
    }

    [Fact]
    public async Task The_jobs_dashboard_runs_under_its_policy_without_a_violation()
    {
        var email = $"ops-{Guid.NewGuid():N}@example.com";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(
                new AppUser { Id = Guid.NewGuid(), UserName = email, Email = email, IsPlatformOperator = true }, ServiceProApp.Password)).Succeeded);
        }

        var page = await app.NewPageAsync();
        // Signed in through the API: the page's context keeps the cookie, and only the dashboard is under test.
        var signIn = await page.Context.APIRequest.PostAsync("/api/auth/sign-in", new() { DataObject = new { email, password = ServiceProApp.Password } });
        Assert.Equal(204, signIn.Status);

        await page.GotoAsync("/admin/jobs");
        await Expect(page.GetByText("ServicePro jobs").First).ToBeVisibleAsync();
        await page.GotoAsync("/admin/jobs/recurring");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        BrowserApp.AssertNoConsoleErrors(page);
    }
}
