namespace ServicePro.Abstractions;

/// <summary>What a plugin adds to the platform; declared in its plugin.json as "industry_pack" or "integration_provider".</summary>
public enum PluginKind
{
    IndustryPack,
    IntegrationProvider,
}
