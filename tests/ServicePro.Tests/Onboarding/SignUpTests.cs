using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using ServicePro.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ServicePro.Tests.Onboarding;

public sealed class SignUpApiTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Fact]
    public async Task A_business_opens_its_own_account_and_its_owner_signs_in_at_its_own_address_to_start_setup()
    {
        var slug = "su-" + Guid.NewGuid().ToString("N")[..8];

        var response = await app.Platform().PostAsJsonAsync("/api/signup", new
        {
            businessName = "Green Acres Lawn",
            slug,
            industry = "lawn_care",
            email = $"owner@{slug}.example.com",
            password = ServiceProApp.Password,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith($"http://{slug}.servicepro.localhost/admin/sign-in?email=", body.GetProperty("signInUrl").GetString());
        var owner = await app.SignedInAsync(slug, $"owner@{slug}.example.com");
        var onboarding = await owner.GetFromJsonAsync<JsonElement>("/api/onboarding");
        Assert.Equal("onboarding", onboarding.GetProperty("tenantStatus").GetString());
        Assert.Equal("business_basics", onboarding.GetProperty("currentStep").GetString());
        var services = await owner.GetFromJsonAsync<JsonElement>("/api/services");
        Assert.Contains(services.EnumerateArray(), s => s.GetProperty("name").GetString() == "Aeration");
    }

    [Fact]
    public async Task Bad_sign_ups_are_refused_clearly_and_create_nothing()
    {
        var slug = "su-" + Guid.NewGuid().ToString("N")[..8];
        var weak = await app.Platform().PostAsJsonAsync("/api/signup", new { businessName = "X", slug, industry = "lawn_care", email = $"o@{slug}.example.com", password = "short" });
        Assert.NotEmpty((await weak.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("password"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Operator().GetAsync(new Uri($"/api/platform/tenants/{slug}", UriKind.Relative))).StatusCode);

        var invalid = await app.Platform().PostAsJsonAsync("/api/signup", new { businessName = "", slug = "Not A Slug", industry = "rockets", email = "nope" });
        var problem = await invalid.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("email"));
        Assert.NotEmpty(problem.ErrorsFor("password"));

        var taken = await app.Platform().PostAsJsonAsync("/api/signup", new { businessName = "Dupe", slug = "root", industry = "lawn_care", email = "x@dupe.example.com", password = ServiceProApp.Password });
        await taken.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Sign_up_is_offered_on_the_platform_address_only()
    {
        var tenant = await app.CreateTenantAsync();

        var response = await app.ForTenant(tenant.Slug).PostAsJsonAsync("/api/signup", new { businessName = "Inner", slug = "inner-biz", industry = "lawn_care", email = "a@b.example.com", password = ServiceProApp.Password });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

[Collection(BrowserCollection.Name)]
public sealed class SignUpUiTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task From_the_sign_up_page_to_the_setup_wizard_in_the_browser()
    {
        var page = await app.NewPageAsync();
        var slug = "web-" + Guid.NewGuid().ToString("N")[..8];
        await page.GotoAsync("/admin/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open an account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open your business account" })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GetByLabel("Business name").FillAsync("Sparkle Home Cleaning");
        await page.GetByLabel("Web address").FillAsync("Bad Slug!");
        await page.GetByText("House Cleaning", new() { Exact = false }).First.ClickAsync();
        await page.GetByLabel("Your email").FillAsync($"owner@{slug}.example.com");
        await page.GetByLabel("Password").FillAsync(ServiceProApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(page.Locator("#slug-error")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Business name")).ToHaveValueAsync("Sparkle Home Cleaning");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GetByLabel("Web address").FillAsync(slug);
        await page.GetByLabel("Password").FillAsync(ServiceProApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();

        // On to the business's own address, where the owner signs in and lands in setup.
        await page.WaitForURLAsync($"**://{slug}.servicepro.localhost:*/admin/sign-in**");
        await Expect(page.GetByText("Sparkle Home Cleaning is set up")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Email")).ToHaveValueAsync($"owner@{slug}.example.com");
        await page.GetByLabel("Password").FillAsync(ServiceProApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/onboarding");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Sparkle Home Cleaning");
    }
}
