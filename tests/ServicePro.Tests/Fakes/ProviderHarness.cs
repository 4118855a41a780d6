using McMaster.NETCore.Plugins;
using ServicePro.Abstractions.Integrations;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Fakes;

/// <summary>
/// Loads one integration-provider plugin from its built folder exactly as the host does (its own load
/// context, only Abstractions shared) and builds contexts whose endpoints point at a local fake.
/// For exercising a provider's wire code directly; the host-level tests go through the API instead.
/// </summary>
public static class ProviderHarness
{
    private static readonly Dictionary<string, IIntegrationProvider> Loaded = [];

    public static IIntegrationProvider Load(string project)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(project, out var provider))
            {
                var path = Path.Combine(RepoPaths.Root, "artifacts", "plugins", project, project + ".dll");
                var loader = PluginLoader.CreateFromAssemblyFile(path, [typeof(IIntegrationProvider)]);
                var type = loader.LoadDefaultAssembly().GetTypes()
                    .Single(t => typeof(IIntegrationProvider).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false });
                provider = (IIntegrationProvider)Activator.CreateInstance(type)!;
                Loaded[project] = provider;
            }

            return provider;
        }
    }

    /// <summary>A context whose every endpoint is <paramref name="fake"/>'s address.</summary>
    public static IntegrationContext Context(
        IIntegrationProvider provider, FakeService fake, IReadOnlyDictionary<string, string> values, TenantProfile? tenant = null, TimeSpan? timeout = null) =>
        new(new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(10) },
            values,
            provider.Endpoints.ToDictionary(e => e.Key, _ => fake.BaseAddress),
            tenant ?? Tenant);

    public static TenantProfile Tenant { get; } = new(
        Guid.Parse("6d0c8d0e-0000-4000-8000-000000000042"), "shiny", "Shiny Wheels Detailing", "auto_detail", "America/Chicago",
        "owner@shinywheels.example", "+19185550100", "https://shinywheels.example", 36.1539, -95.9928, 26);
}
