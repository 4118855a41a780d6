using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServicePro.Host.Admin;
using ServicePro.Host.Identity;
using ServicePro.Host.Plugins;

namespace ServicePro.Host.Platform.Pages;

/// <summary>Every plugin folder the host found, loaded or not, with the reason.</summary>
[Authorize(Policy = Policies.PlatformOperator)]
public sealed class PluginsModel(PluginCatalog catalog) : PlatformPageModel
{
    public IReadOnlyList<PluginDescriptor> Plugins => catalog.Plugins;

    /// <summary>How many plugins have each status, in the enum's order, skipping none.</summary>
    public IReadOnlyList<(PluginStatus Status, int Count)> Counts =>
        Enum.GetValues<PluginStatus>().Select(s => (s, Plugins.Count(p => p.Status == s))).ToList();
}
