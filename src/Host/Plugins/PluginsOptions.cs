namespace ServicePro.Host.Plugins;

/// <summary>The key <c>ServicePro:PluginsPath</c>.</summary>
public sealed class PluginsOptions
{
    public const string Section = "ServicePro";

    /// <summary>An extra folder of plugin folders, scanned after the built-in ones: where partners drop packs.</summary>
    public string? PluginsPath { get; set; }
}
