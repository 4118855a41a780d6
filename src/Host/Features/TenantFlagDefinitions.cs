using Microsoft.FeatureManagement;

namespace ServicePro.Host.Features;

/// <summary>Declares every platform flag to Microsoft.FeatureManagement as "decided per tenant by <see cref="TenantFlagsFilter"/>".</summary>
public sealed class TenantFlagDefinitions : IFeatureDefinitionProvider
{
    private static readonly Dictionary<string, FeatureDefinition> Definitions = PlatformFlags.Defaults.Keys.ToDictionary(
        flag => flag,
        flag => new FeatureDefinition
        {
            Name = flag,
            EnabledFor = [new FeatureFilterConfiguration { Name = TenantFlagsFilter.Alias }],
        });

    public Task<FeatureDefinition?> GetFeatureDefinitionAsync(string featureName) =>
        Task.FromResult(Definitions.GetValueOrDefault(featureName));

    public async IAsyncEnumerable<FeatureDefinition> GetAllFeatureDefinitionsAsync()
    {
        await Task.CompletedTask;
        foreach (var definition in Definitions.Values)
        {
            yield return definition;
        }
    }
}
