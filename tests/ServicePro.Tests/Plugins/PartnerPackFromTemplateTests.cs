using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Plugins;

/// <summary>The host with one extra plugins folder: where a partner's build left its pack.</summary>
public sealed class PartnerFolderApp(string pluginsPath) : ServiceProApp
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["ServicePro:PluginsPath"] = pluginsPath;
}

/// <summary>
/// The README's "Write a pack" path, done as a partner would, outside the solution: the contract as a package in a
/// folder feed, the template installed from its folder, a pack made, built against the package alone, checked,
/// dropped into the host's extra plugins folder, and a tenant created on it. Slow (several dotnet processes), so one test.
/// </summary>
public sealed class PartnerPackFromTemplateTests
{
    private static readonly TimeSpan StepLimit = TimeSpan.FromMinutes(8);
    private static readonly string PackagesFolder = "sp-partner-packages-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task A_pack_made_from_the_template_builds_against_the_package_alone_passes_the_check_and_serves_a_tenant()
    {
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sp-partner-" + Guid.NewGuid().ToString("N")[..10])).FullName;
        var feed = Path.Combine(work, "feed");
        var hive = Path.Combine(work, "hive");
        var source = Path.Combine(work, "Partner.WindowCleaning");

        await DotnetAsync(work, "pack", Path.Combine(RepoPaths.Root, "src", "Abstractions"), "-c", RepoPaths.Configuration, "--no-build", "-o", feed);
        await DotnetAsync(work, "new", "install", Path.Combine(RepoPaths.Root, "templates", "servicepro-pack"), "--debug:custom-hive", hive);
        await DotnetAsync(work, "new", "servicepro-pack", "-n", "Partner.WindowCleaning", "-o", source,
            "--packId", "window_cleaning", "--packName", "Window Cleaning", "--feed", feed, "--debug:custom-hive", hive);
        await DotnetAsync(source, "build", "-c", "Release",
            // The pack needs nothing but this run's package; the machine's other sources stay configured but may be
            // out of reach (offline), which must not fail the restore, and the vulnerability audit needs them.
            "-p:RestoreIgnoreFailedSources=true", "-p:NuGetAudit=false");

        var pluginFolder = Path.Combine(source, "out", "Partner.WindowCleaning");
        Assert.True(File.Exists(Path.Combine(pluginFolder, "plugin.json")), "the build leaves a plugin folder");
        Assert.False(File.Exists(Path.Combine(pluginFolder, "ServicePro.Abstractions.dll")), "the contract comes from the host");

        await using var app = new PartnerFolderApp(Path.Combine(source, "out"));
        await app.InitializeAsync();
        var check = await HostProcess.RunAsync(app.Database, "plugins", "check", pluginFolder);
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("window_cleaning 1.0.0 (industry_pack)", check.Output);

        var tenant = await app.CreateTenantAsync("window_cleaning");
        var service = (await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/services"))!.Single();
        var id = service.GetProperty("id").GetGuid();
        var estimate = await tenant.Owner.PostAsJsonAsync($"/api/services/{id}/estimate", new { answers = new { job_size = "large" } });
        var from = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)).ToString("yyyy-MM-dd");
        var availability = await app.ForTenant(tenant.Slug).GetAsync(
            new Uri($"/api/availability?serviceId={id}&from={from}&to={from}&answers.job_size=large", UriKind.Relative));

        Assert.True(estimate.IsSuccessStatusCode, await estimate.Content.ReadAsStringAsync());
        var priced = await estimate.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(160, priced.GetProperty("price").GetDecimal());
        Assert.Equal(120, priced.GetProperty("durationMinutes").GetInt32());
        Assert.True(availability.IsSuccessStatusCode, await availability.Content.ReadAsStringAsync());
        var open = await availability.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(120, open.GetProperty("durationMinutes").GetInt32());
        Assert.Equal(160, open.GetProperty("estimatedPrice").GetDecimal());

        Directory.Delete(work, recursive: true);
        Directory.Delete(Path.Combine(Path.GetTempPath(), PackagesFolder), recursive: true);
    }

    private static async Task DotnetAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A package cache of this run's own: nothing from an earlier run (or the machine's cache) stands in for the package.
        start.Environment["NUGET_PACKAGES"] = Path.Combine(Path.GetTempPath(), PackagesFolder);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(StepLimit);
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', args)} exited {process.ExitCode}:\n{output}");
    }
}
