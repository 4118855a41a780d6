using Microsoft.Playwright;
using ServicePro.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.Tests.Hosting;

/// <summary>
/// The API reference page in headless Chromium, from the platform's address and from a business's: each operation's
/// request (the sample the page shows, and what "Try it" sends) goes to the address the operation is called on.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiReferenceUiTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("/scalar/")]
    [InlineData("/t/root/scalar/")]
    public async Task A_business_s_operation_is_sent_to_the_business_and_an_operator_s_to_the_platform(string reference)
    {
        var origin = app.Address.ToString().TrimEnd('/');
        var page = await app.NewPageAsync();

        await page.GotoAsync(reference + "#tag/services/GET/api/services");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(Sample(page, $"curl {origin}/t/root/api/services")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        await page.GotoAsync(reference + "#tag/platform/GET/api/platform/tenants");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(Sample(page, $"curl {origin}/api/platform/tenants")).ToBeAttachedAsync(new() { Timeout = 30_000 });

        BrowserApp.AssertNoConsoleErrors(page);
    }

    /// <summary>The request sample the page shows for an operation, in its selected server.</summary>
    private static ILocator Sample(IPage page, string request) => page.Locator("code", new() { HasText = request }).First;
}
