using System.Net.Http.Json;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Host.Plugins;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Plugins;

/// <summary>
/// The host with a partner's extra plugin folder holding a good pack (with its own Newtonsoft.Json), a pack
/// that throws, one built for a future contract, one of a kind without a contract, a broken manifest, a missing assembly and a duplicate id.
/// </summary>
public sealed class PartnerPluginsApp : ServiceProApp
{
    public string PluginsPath { get; } = Path.Combine(Path.GetTempPath(), "sp-plugins-" + Guid.NewGuid().ToString("N"));

    public override async Task InitializeAsync()
    {
        var partner = Path.Combine(RepoPaths.TestPlugins, "ServicePro.Fixtures.PartnerPack");
        Copy(partner, "partner-window-washing");
        Copy(Path.Combine(RepoPaths.TestPlugins, "ServicePro.Fixtures.ThrowingPack"), "throwing");
        Copy(partner, "future-contract", m => m.Replace("\"1.0\"", "\"2.0\"").Replace("window_washing", "future_pack"));
        Copy(partner, "duplicate-id", m => m.Replace("window_washing", "lawn_care"));
        Copy(partner, "integration-kind", m => m.Replace("industry_pack", "integration_provider").Replace("window_washing", "sms_gateway"));
        Copy(partner, "unknown-kind", m => m.Replace("industry_pack", "crm_connector").Replace("window_washing", "crm_sync"));
        Directory.CreateDirectory(Path.Combine(PluginsPath, "bad-manifest"));
        await File.WriteAllTextAsync(Path.Combine(PluginsPath, "bad-manifest", "plugin.json"), "{ \"id\": ");
        Copy(partner, "missing-assembly", m => m.Replace("window_washing", "ghost_pack").Replace("ServicePro.Fixtures.PartnerPack.dll", "Ghost.dll"));
        await base.InitializeAsync();
    }

    protected override void Configure(Dictionary<string, string?> settings) => settings["ServicePro:PluginsPath"] = PluginsPath;

    private void Copy(string from, string name, Func<string, string>? editManifest = null)
    {
        var target = Path.Combine(PluginsPath, name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        if (editManifest is not null)
        {
            var manifest = Path.Combine(target, "plugin.json");
            File.WriteAllText(manifest, editManifest(File.ReadAllText(manifest)));
        }
    }
}

public sealed class PluginLoadingTests(PartnerPluginsApp app) : IClassFixture<PartnerPluginsApp>
{
    [Fact]
    public async Task The_four_industry_packs_and_the_custom_pack_load_as_plugins()
    {
        var packs = await app.Platform().GetFromJsonAsync<JsonElement[]>("/api/industry-packs");

        var slugs = packs!.Select(p => p.GetProperty("slug").GetString()).ToList();
        Assert.Subset(slugs.ToHashSet(), new HashSet<string?> { "auto_detail", "lawn_care", "pet_grooming", "house_cleaning", "custom" });
        var detailing = packs!.Single(p => p.GetProperty("slug").GetString() == "auto_detail");
        Assert.Equal("1.0.0", detailing.GetProperty("version").GetString());
        var fullDetail = detailing.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Full Detail");
        Assert.Equal(150, fullDetail.GetProperty("priceMin").GetDecimal());
        Assert.Equal(250, fullDetail.GetProperty("priceMax").GetDecimal());
        Assert.Equal(150, fullDetail.GetProperty("durationMinutes").GetInt32());
    }

    [Fact]
    public async Task The_six_integration_providers_load_as_isolated_plugins()
    {
        var plugins = await app.Operator().GetFromJsonAsync<JsonElement[]>("/api/platform/plugins");

        var providers = plugins!.Where(p => p.GetProperty("kind").GetString() == "integration_provider" && p.GetProperty("status").GetString() == "loaded")
            .Select(p => p.GetProperty("id").GetString()).Order().ToList();
        Assert.Equal(["google", "open_meteo", "openai", "sendgrid", "stripe", "twilio"], providers);
        var catalog = app.Services.GetRequiredService<PluginCatalog>();
        foreach (var provider in catalog.IntegrationProviders.Values)
        {
            // Each provider runs in its own load context, sharing only the contract with the host.
            Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(provider.GetType().Assembly));
            Assert.Same(typeof(ServicePro.Abstractions.Integrations.IIntegrationProvider).Assembly,
                provider.GetType().GetInterfaces().Single(i => i.Name == "IIntegrationProvider").Assembly);
        }

        // Stripe.net and the OpenAI SDK come from their plugins' folders, not the host.
        Assert.DoesNotContain(AssemblyLoadContext.Default.Assemblies, a => a.GetName().Name is "Stripe.net" or "OpenAI");
    }

    [Fact]
    public async Task A_partner_pack_dropped_into_the_extra_folder_loads_and_tenants_can_use_it()
    {
        var packs = await app.Platform().GetFromJsonAsync<JsonElement[]>("/api/industry-packs");
        var tenant = await app.CreateTenantAsync("window_washing");
        var services = await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/services");

        var partner = Assert.Single(packs!, p => p.GetProperty("slug").GetString() == "window_washing");
        Assert.Equal("extra", partner.GetProperty("source").GetString());
        Assert.NotEmpty(services!);
    }

    [Fact]
    public void Each_plugin_runs_in_its_own_load_context_on_its_own_dependency_versions()
    {
        var catalog = app.Services.GetRequiredService<PluginCatalog>();
        // The plugins' own objects, behind the host's guarded copies of their content.
        var partner = ((GuardedPack)catalog.FindPack("window_washing")!).Implementation;
        var lawn = ((GuardedPack)catalog.FindPack("lawn_care")!).Implementation;
        var partnerContext = AssemblyLoadContext.GetLoadContext(partner.GetType().Assembly)!;

        Assert.NotSame(AssemblyLoadContext.Default, partnerContext);
        Assert.NotSame(partnerContext, AssemblyLoadContext.GetLoadContext(lawn.GetType().Assembly));
        // Shared: the contract type is the host's own, or the cast to IIndustryPack could not have worked.
        Assert.Same(typeof(ServicePro.Abstractions.IIndustryPack).Assembly,
            partner.GetType().GetInterfaces().Single(i => i.Name == "IIndustryPack").Assembly);

        var hostNewtonsoft = typeof(Newtonsoft.Json.JsonConvert).Assembly;
        var pluginNewtonsoft = partnerContext.Assemblies.Single(a => a.GetName().Name == "Newtonsoft.Json");
        Assert.NotSame(hostNewtonsoft, pluginNewtonsoft);
        Assert.StartsWith("13.0.1", InformationalVersion(pluginNewtonsoft));
        Assert.StartsWith("13.0.4", InformationalVersion(hostNewtonsoft));
        Assert.Contains("13.0.1", partner.Description);
    }

    [Theory]
    [InlineData("throwing_pack", "failed", "Throwing pack refuses to start")]
    [InlineData("future_pack", "unsupported", "this host offers 1.2")]
    [InlineData("lawn_care", "duplicate", "already loaded")]
    [InlineData("sms_gateway", "failed", "exactly one IIntegrationProvider; found 0")]
    [InlineData("crm_sync", "unsupported", "Plugin kind 'crm_connector' has no contract")]
    [InlineData("bad-manifest", "failed", "not valid JSON")]
    [InlineData("ghost_pack", "failed", "Ghost.dll is missing")]
    public async Task A_plugin_that_cannot_run_is_skipped_and_reported_and_the_host_keeps_running(string id, string status, string error)
    {
        var plugins = await app.Operator().GetFromJsonAsync<JsonElement[]>("/api/platform/plugins");

        var plugin = plugins!.First(p => p.GetProperty("id").GetString() == id && p.GetProperty("status").GetString() == status);
        Assert.Contains(error, plugin.GetProperty("error").GetString());
        (await app.Platform().GetAsync(new Uri("/health/ready", UriKind.Relative))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task The_industry_packs_registry_in_the_database_reflects_what_is_loaded()
    {
        var registry = await app.InTenantAsync(null, db => Task.FromResult(db.IndustryPacks.ToList()));

        var active = registry.Where(r => r.IsActive).Select(r => r.Slug).Order().ToList();
        Assert.Equal(["auto_detail", "custom", "house_cleaning", "lawn_care", "pet_grooming", "window_washing"], active);
        var lawn = registry.Single(r => r.Slug == "lawn_care");
        Assert.Equal(0.25m, lawn.WeatherThresholds!.RainThresholdInches);
        Assert.Contains(lawn.DefaultServices, s => s.Name == "Aeration");
        Assert.Equal(5, lawn.SmsTemplates.Count);
        Assert.Equal("Platinum", lawn.LoyaltyConfig!.Tiers[^1].Name);
    }

    private static string InformationalVersion(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
}
