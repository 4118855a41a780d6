using System.CommandLine;
using ServicePro.Abstractions;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Plugins;

/// <summary>
/// <c>plugins check &lt;folder&gt;</c>: what the host would say about a plugin folder before anyone drops it into
/// <c>ServicePro:PluginsPath</c>. It loads the folder with the host's own loader and rules
/// (<see cref="PluginCatalog.LoadFolder"/>, <see cref="IndustryPackRules"/>), prints every problem in words and
/// exits 1 when there is any, so a partner's build or CI can stop on it.
/// </summary>
public static class PluginCheckCommand
{
    public static Command Create(IServiceProvider services)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "A built plugin folder: plugin.json beside the assembly it names." };
        var command = new Command("check", "Load one plugin folder with the host's loader and rules, and print every problem.") { folder };
        command.SetAction(parse =>
        {
            var path = Path.TrimEndingDirectorySeparator(parse.GetValue(folder)!.FullName);
            if (!File.Exists(Path.Combine(path, PluginManifest.FileName)))
            {
                Console.Error.WriteLine($"{path} has no {PluginManifest.FileName}; point at the folder the pack's build produced.");
                return 1;
            }

            // An id clash with a plugin the host ships would keep the pack from loading anywhere.
            var builtIn = services.GetRequiredService<PluginCatalog>().Plugins.Where(p => p.Source == "built-in").ToList();
            var plugin = PluginCatalog.LoadFolder(path, "check", builtIn,
                services.GetRequiredService<ILogger<PluginCatalog>>(), TimeProvider.System);
            return Report(plugin);
        });
        return command;
    }

    private static int Report(PluginDescriptor plugin)
    {
        Console.WriteLine($"{plugin.Id} {plugin.Version} ({plugin.Kind}) for Abstractions {string.Join(", ", plugin.SupportedAbstractions)}; this host offers {AbstractionsVersion.Current}.");
        if (plugin.Status == PluginStatus.Loaded)
        {
            var pack = plugin.IndustryPack;
            Console.WriteLine(pack is null
                ? "OK: it loads and passes every rule."
                : $"OK: it loads and passes every rule ({pack.DefaultServices.Count} services, {pack.IntakeFields.Count} intake questions).");
            return 0;
        }

        Console.WriteLine($"{Pluralize(plugin.Problems.Count)} ({SnakeCaseEnum.ToName(plugin.Status)}):");
        foreach (var problem in plugin.Problems)
        {
            Console.WriteLine($"  - {problem}");
        }

        return 1;
    }

    private static string Pluralize(int count) => count == 1 ? "1 problem" : $"{count} problems";
}
