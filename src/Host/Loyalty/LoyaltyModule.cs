using ServicePro.Host.Hosting;

namespace ServicePro.Host.Loyalty;

/// <summary>The pack's loyalty tiers, behind the tenant's loyalty flag.</summary>
public sealed class LoyaltyModule : HostModule
{
    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapLoyaltyEndpoints();
}
