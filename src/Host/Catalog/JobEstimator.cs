using ServicePro.Abstractions;
using ServicePro.Host.Plugins;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Catalog;

/// <summary>The outcome of pricing and timing one job: an estimate, the answers' errors, or why the pack can't
/// estimate now (<see cref="Unavailable"/>: it is not loaded, or its code failed), in words for the customer.</summary>
public sealed record EstimateOutcome(JobEstimate? Estimate, Dictionary<string, string[]> Errors, string? Unavailable = null);

/// <summary>Prices and times one job from its intake answers with the tenant's industry pack, within the
/// tenant's own price and duration ranges for the service.</summary>
public sealed class JobEstimator(ITenantContext tenant, PluginCatalog catalog)
{
    /// <summary>What a customer reads when the pack's estimator failed (the failure itself is logged and counted
    /// on the pack by its <see cref="PackGuard"/>).</summary>
    public const string PricingFailed = "This business's pricing could not be worked out right now. Please try again later, or contact the business.";

    public EstimateOutcome Estimate(TenantService service, IReadOnlyDictionary<string, string> answers)
    {
        var industry = tenant.Tenant!.Industry;
        var pack = catalog.FindPack(industry);
        if (pack is null)
        {
            return new EstimateOutcome(null, [], $"The '{industry}' industry pack is not loaded on this server, so jobs cannot be estimated.");
        }

        var errors = IntakeValidator.Validate(pack.IntakeFields, answers);
        if (errors.Count > 0)
        {
            return new EstimateOutcome(null, errors);
        }

        // The pack prices with the tenant's own ranges, which may differ from the pack's defaults.
        var definition = new ServiceDefinition(service.PackServiceKey ?? "", service.Name, service.Description,
            service.PriceMin, service.PriceMax, service.DurationMinutes, service.MaxDurationMinutes, service.IsOutdoor);
        JobEstimate estimate;
        try
        {
            estimate = pack.Estimate(definition, new IntakeAnswers(answers));
        }
        catch (PackFaultException)
        {
            return new EstimateOutcome(null, [], PricingFailed);
        }

        return new EstimateOutcome(estimate with
        {
            Price = Math.Clamp(estimate.Price, service.PriceMin, service.PriceMax),
            DurationMinutes = Math.Clamp(estimate.DurationMinutes, service.DurationMinutes, service.MaxDurationMinutes),
        }, []);
    }
}
