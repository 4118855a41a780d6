using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Options;
using ServicePro.Abstractions;
using ServicePro.Abstractions.Integrations;
using ServicePro.Host.Hosting;

namespace ServicePro.Host.Plugins;

/// <summary>
/// Loads every plugin folder once, each through its own McMaster loader (its own AssemblyLoadContext) that
/// shares only the Abstractions assembly with the host — so a plugin may carry its own versions of any
/// other dependency. A plugin that cannot run is recorded with its reason and skipped; the host goes on.
/// </summary>
public sealed class PluginCatalog
{
    // Sharing one type shares its whole assembly: every plugin sees the host's Abstractions.
    private static readonly Type[] SharedTypes = [typeof(IIndustryPack), typeof(IIntegrationProvider)];

    private static readonly Dictionary<string, Type> ContractByKind = new(StringComparer.Ordinal)
    {
        [PluginKinds.IndustryPack] = typeof(IIndustryPack),
        [PluginKinds.IntegrationProvider] = typeof(IIntegrationProvider),
    };

    private readonly Dictionary<string, IIndustryPack> _packs;
    private readonly Dictionary<string, IIntegrationProvider> _providers;

    public PluginCatalog(IOptions<PluginsOptions> options, ILogger<PluginCatalog> logger, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var roots = new List<(string Path, string Source)> { (Path.Combine(AppContext.BaseDirectory, "plugins"), "built-in") };
        if (!string.IsNullOrWhiteSpace(options.Value.PluginsPath))
        {
            roots.Add((Path.GetFullPath(options.Value.PluginsPath), "extra"));
        }

        var plugins = new List<PluginDescriptor> { BuiltInCustomDescriptor(logger, clock) };
        foreach (var (root, source) in roots)
        {
            if (!Directory.Exists(root))
            {
                logger.LogWarning("Plugin folder {PluginRoot} ({Source}) does not exist; no plugins loaded from it", root, source);
                continue;
            }

            foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
            {
                if (File.Exists(Path.Combine(folder, PluginManifest.FileName)))
                {
                    plugins.Add(LoadFolder(folder, source, plugins, logger, clock));
                }
            }
        }

        foreach (var plugin in plugins)
        {
            if (plugin.Status == PluginStatus.Loaded)
            {
                logger.LogInformation("Plugin {PluginId} {PluginVersion} ({Source}) loaded", plugin.Id, plugin.Version, plugin.Source);
            }
            else
            {
                logger.LogError("Plugin {PluginId} in {PluginFolder} skipped ({PluginStatus}): {PluginError}",
                    plugin.Id, plugin.Folder, plugin.Status, plugin.Error);
            }
        }

        Plugins = plugins;
        _packs = plugins.Where(p => p.IndustryPack is not null)
            .ToDictionary(p => p.Id, p => p.IndustryPack!, StringComparer.Ordinal);
        _providers = plugins.Where(p => p.IntegrationProvider is not null)
            .ToDictionary(p => p.Id, p => p.IntegrationProvider!, StringComparer.Ordinal);
    }

    public IReadOnlyList<PluginDescriptor> Plugins { get; }

    /// <summary>Loaded industry packs by slug, the built-in "custom" pack included.</summary>
    public IReadOnlyDictionary<string, IIndustryPack> IndustryPacks => _packs;

    public IIndustryPack? FindPack(string slug) => _packs.GetValueOrDefault(slug);

    /// <summary>Loaded integration providers by key ("twilio", "stripe", ...).</summary>
    public IReadOnlyDictionary<string, IIntegrationProvider> IntegrationProviders => _providers;

    public IIntegrationProvider? FindProvider(string key) => _providers.GetValueOrDefault(key);

    private static PluginDescriptor BuiltInCustomDescriptor(ILogger logger, TimeProvider clock)
    {
        var health = new PluginHealth();
        var pack = new GuardedPack(new CustomPack(), new PackGuard(CustomPack.PackSlug, health, clock, logger));
        return new PluginDescriptor(pack.Slug, pack.Name, AbstractionsVersion.Current + ".0", PluginKinds.IndustryPack, "built-in", "(host)",
            [AbstractionsVersion.Current], PluginStatus.Loaded, [], pack)
        { Health = health };
    }

    /// <summary>
    /// Reads one plugin folder's manifest, loads its code in a load context of its own and checks its content with
    /// the same rules whoever asks: the catalog at start-up, and <c>plugins check</c> before a partner deploys.
    /// Never throws for anything the plugin does; every reason it can't run is in the descriptor's problems.
    /// </summary>
    public static PluginDescriptor LoadFolder(
        string folder, string source, IReadOnlyList<PluginDescriptor> loadedSoFar, ILogger logger, TimeProvider clock)
    {
        var folderName = Path.GetFileName(folder);
        PluginManifest manifest;
        try
        {
            manifest = PluginManifest.Read(Path.Combine(folder, PluginManifest.FileName));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new PluginDescriptor(folderName, folderName, "?", "?", source, folderName, [], PluginStatus.Failed, [ex.Message]);
        }

        var health = new PluginHealth();
        PluginDescriptor Describe(PluginStatus status, IReadOnlyList<string> problems, object? instance = null) =>
            new(manifest.Id, manifest.Name, manifest.Version, manifest.Kind, source, folderName,
                manifest.SupportedAbstractions, status, problems, instance as IIndustryPack, instance as IIntegrationProvider)
            { Health = health };

        if (loadedSoFar.Any(p => p.Id == manifest.Id && p.Status == PluginStatus.Loaded))
        {
            return Describe(PluginStatus.Duplicate, [$"A plugin with id '{manifest.Id}' is already loaded."]);
        }

        if (!manifest.SupportedAbstractions.Any(AbstractionsVersion.Supports))
        {
            return Describe(PluginStatus.Unsupported,
                [$"Supports Abstractions {string.Join(", ", manifest.SupportedAbstractions)}; this host offers {AbstractionsVersion.Current}."]);
        }

        if (!ContractByKind.TryGetValue(manifest.Kind, out var contract))
        {
            return Describe(PluginStatus.Unsupported,
                [$"Plugin kind '{manifest.Kind}' has no contract in Abstractions {AbstractionsVersion.Current}."]);
        }

        var assemblyPath = Path.Combine(folder, manifest.Assembly);
        if (!File.Exists(assemblyPath))
        {
            return Describe(PluginStatus.Failed, [$"Assembly {manifest.Assembly} is missing from the plugin folder."]);
        }

        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, SharedTypes);
            var types = loader.LoadDefaultAssembly().GetTypes()
                .Where(t => contract.IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
                .ToList();
            if (types.Count != 1)
            {
                return Describe(PluginStatus.Failed,
                    [$"A {manifest.Kind} plugin must contain exactly one {contract.Name}; found {types.Count}."]);
            }

            var instance = Activator.CreateInstance(types[0])!;
            if (instance is IIndustryPack implementation)
            {
                // Checked as it will be served: the content the guarded pack read, not the plugin's live getters.
                instance = new GuardedPack(implementation, new PackGuard(manifest.Id, health, clock, logger));
            }

            var problems = instance switch
            {
                IIndustryPack pack => IndustryPackRules.Check(pack, manifest.Id),
                IIntegrationProvider provider => IntegrationProviderRules.Check(provider, manifest.Id),
                _ => [],
            };
            return problems.Count == 0
                ? Describe(PluginStatus.Loaded, [], instance)
                : Describe(PluginStatus.Failed, problems);
        }
        catch (Exception ex)
        {
            var root = ex is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : ex;
            return Describe(PluginStatus.Failed, [$"{root.GetType().Name}: {root.Message}"]);
        }
    }
}
