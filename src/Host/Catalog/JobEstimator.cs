using ServicePro.Abstractions;
using ServicePro.Host.Plugins;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Catalog;

/// <summary>The outcome of pricing and timing one job: an estimate, or why there is none.</summary>
public sealed record EstimateOutcome(JobEstimate? Estimate, Dictionary<string, string[]> Errors, bool PackMissing);

/// <summary>Prices and times one job from its intake answers with the tenant's industry pack, within the
/// tenant's own price and duration ranges for the service.</summary>
public sealed class JobEstimator(ITenantContext tenant, PluginCatalog catalog)
{
    public EstimateOutcome Estimate(TenantService service, IReadOnlyDictionary<string, string> answers)
    {
        var pack = catalog.FindPack(tenant.Tenant!.Industry);
        if (pack is null)
        {
            return new EstimateOutcome(null, [], PackMissing: true);
        }

        var errors = IntakeValidator.Validate(pack.IntakeFields, answers);
        if (errors.Count > 0)
        {
            return new EstimateOutcome(null, errors, PackMissing: false);
        }

        // The pack prices with the tenant's own ranges, which may differ from the pack's defaults.
        var definition = new ServiceDefinition(service.PackServiceKey ?? "", service.Name, service.Description,
            service.PriceMin, service.PriceMax, service.DurationMinutes, service.MaxDurationMinutes, service.IsOutdoor);
        var estimate = pack.Estimate(definition, new IntakeAnswers(answers));
        return new EstimateOutcome(estimate with
        {
            Price = Math.Clamp(estimate.Price, service.PriceMin, service.PriceMax),
            DurationMinutes = Math.Clamp(estimate.DurationMinutes, service.DurationMinutes, service.MaxDurationMinutes),
        }, [], PackMissing: false);
    }
}
