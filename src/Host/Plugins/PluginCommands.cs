using System.CommandLine;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Plugins;

/// <summary><c>plugins list|check</c>: every plugin folder found, loaded or not; what the host would say of a new one.</summary>
public static class PluginCommands
{
    public static Command Create(IServiceProvider services)
    {
        var plugins = new Command("plugins", "Inspect plugins.");
        var list = new Command("list", "Every plugin folder found, loaded or not, with the reason.");
        list.SetAction(_ =>
        {
            foreach (var p in services.GetRequiredService<PluginCatalog>().Plugins)
            {
                Console.WriteLine($"{p.Id,-20} {p.Version,-8} {p.Kind,-16} {p.Source,-9} {SnakeCaseEnum.ToName(p.Status),-11} {p.Error}");
            }

            return 0;
        });
        plugins.Subcommands.Add(list);
        plugins.Subcommands.Add(PluginCheckCommand.Create(services));
        return plugins;
    }
}
