namespace ServicePro.Host.Plugins;

/// <summary>The "kind" values plugin.json may declare, each backed by a contract in Abstractions.</summary>
public static class PluginKinds
{
    public const string IndustryPack = "industry_pack";
    public const string IntegrationProvider = "integration_provider";
}
