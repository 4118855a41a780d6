using ServicePro.Host.Hosting;

namespace ServicePro.Host.Platform;

/// <summary>The operators' console: the platform API (bearer key or operator sign-in) and its pages.</summary>
public sealed class PlatformModule : HostModule
{
    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapPlatformEndpoints();
}
