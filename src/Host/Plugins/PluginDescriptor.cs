using ServicePro.Abstractions;
using ServicePro.Abstractions.Integrations;

namespace ServicePro.Host.Plugins;

public enum PluginStatus
{
    Loaded,

    /// <summary>Its manifest asks for an Abstractions version this host does not offer.</summary>
    Unsupported,

    /// <summary>Its manifest, assembly or code failed, or its content broke a rule; see the problems.</summary>
    Failed,

    /// <summary>Another plugin with the same id was loaded first.</summary>
    Duplicate,
}

/// <summary>What the host knows about one plugin folder, whether or not its code could run.</summary>
/// <param name="Problems">Every reason it is not loaded, each a sentence; empty when it is.</param>
public sealed record PluginDescriptor(
    string Id,
    string Name,
    string Version,
    string Kind,
    string Source,
    string Folder,
    IReadOnlyList<string> SupportedAbstractions,
    PluginStatus Status,
    IReadOnlyList<string> Problems,
    IIndustryPack? IndustryPack = null,
    IIntegrationProvider? IntegrationProvider = null)
{
    /// <summary>The problems as one line, or null when there are none.</summary>
    public string? Error => Problems.Count == 0 ? null : string.Join(" ", Problems);

    /// <summary>How its code has behaved since the host started.</summary>
    public PluginHealth Health { get; init; } = new();
}
