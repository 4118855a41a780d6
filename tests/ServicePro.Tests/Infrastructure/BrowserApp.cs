using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ServicePro.Tests.Infrastructure;

/// <summary>Browser tests run one class at a time: each drives a Chromium, and together they would starve the CPU.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}

/// <summary>
/// The host on a real loopback port, driven by the machine's headless Chromium through Playwright. Derive from it
/// to change the host's settings (override <see cref="ServiceProApp.Configure"/>) or start it with the provider fakes.
/// </summary>
public class BrowserApp : ServiceProApp
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> ConsoleProblems = new();

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        UseKestrel(0);
        await base.InitializeAsync();
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Requests go to the real loopback port; the Host header picks the tenant.</summary>
    public override HttpClient ClientFor(string host)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = Address });
        client.DefaultRequestHeaders.Host = host;
        return client;
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address.ToString().TrimEnd('/') });
        // The whole suite shares two cores; a page that is merely slow must not fail a test.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        WatchConsole(page);
        return page;
    }

    /// <summary>
    /// Records the page's console errors (a Content-Security-Policy violation is one) and uncaught script errors, for
    /// <see cref="AssertNoConsoleErrors"/>; pages from <see cref="NewPageAsync"/> are watched from the start.
    /// </summary>
    public static void WatchConsole(IPage page)
    {
        var problems = ConsoleProblems.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !Expected(message, page.Url))
            {
                lock (problems)
                {
                    problems.Add($"{message.Text} at {message.Location} (on {page.Url})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (problems)
            {
                problems.Add($"uncaught: {error} (on {page.Url})");
            }
        };
    }

    // Tests run offline, so an outside address (a business's logo on its own site) can't load; a page that answers with
    // an error status (the test's subject, which it checks itself) is reported for the document; and Chromium asks every
    // origin for /favicon.ico, which the host does not have.
    private static bool Expected(IConsoleMessage message, string pageUrl) =>
        message.Text.StartsWith("Failed to load resource: net::", StringComparison.Ordinal)
        || (message.Text.StartsWith("Failed to load resource: the server responded with a status of", StringComparison.Ordinal)
            && (message.Location.StartsWith(pageUrl, StringComparison.Ordinal) || message.Location.Contains("/favicon.ico", StringComparison.Ordinal)));

    /// <summary>Fails if the page has logged a console error or a CSP violation since it was opened.</summary>
    public static void AssertNoConsoleErrors(IPage page)
    {
        if (!ConsoleProblems.TryGetValue(page, out var problems))
        {
            return;
        }

        lock (problems)
        {
            Assert.True(problems.Count == 0, "Console errors in the browser:\n" + string.Join("\n", problems));
        }
    }

    /// <summary>Runs axe-core on the page and fails with every violation listed; also fails on console errors and CSP violations.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        AssertNoConsoleErrors(page);
        var results = await page.RunAxe();
        var violations = results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}");
        Assert.True(results.Violations.Length == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n", violations));
    }

    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
