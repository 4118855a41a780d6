using ServicePro.Host.Hosting;

namespace ServicePro.Host.Customers;

/// <summary>The business's customers, their SMS consent and their vehicles, pets or properties.</summary>
public sealed class CustomersModule : HostModule
{
    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCustomerEndpoints();
        endpoints.MapCustomerAssetEndpoints();
    }
}
