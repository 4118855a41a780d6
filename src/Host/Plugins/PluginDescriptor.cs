using ServicePro.Abstractions;
using ServicePro.Abstractions.Integrations;

namespace ServicePro.Host.Plugins;

public enum PluginStatus
{
    Loaded,

    /// <summary>Its manifest asks for an Abstractions version this host does not offer.</summary>
    Unsupported,

    /// <summary>Its manifest, assembly or code failed; see the error.</summary>
    Failed,

    /// <summary>Another plugin with the same id was loaded first.</summary>
    Duplicate,
}

/// <summary>What the host knows about one plugin folder, whether or not its code could run.</summary>
public sealed record PluginDescriptor(
    string Id,
    string Name,
    string Version,
    string Kind,
    string Source,
    string Folder,
    IReadOnlyList<string> SupportedAbstractions,
    PluginStatus Status,
    string? Error,
    IIndustryPack? IndustryPack = null,
    IIntegrationProvider? IntegrationProvider = null);
