using ServicePro.Host.Hosting;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Catalog;

/// <summary>The business's services and prices, and the estimator that prices a job from the pack's intake answers.</summary>
public sealed class CatalogModule : HostModule
{
    public override void AddServices(WebApplicationBuilder builder) => builder.Services.AddScoped<JobEstimator>()
        .AddScoped<INewTenantSetup, PackServices>();

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapServiceEndpoints();
}
