using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServicePro.Host.Identity;
using ServicePro.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.Tests.Hosting;

/// <summary>The third-party pages (API reference, jobs dashboard) under their policies, in headless Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecureByDefaultUiTests(BrowserApp app) : IClassFixture<BrowserApp>
{
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
