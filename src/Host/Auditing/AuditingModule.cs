using ServicePro.Host.Hosting;

namespace ServicePro.Host.Auditing;

/// <summary>The audit log every change writes to, and the owners' view of it.</summary>
public sealed class AuditingModule : HostModule
{
    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapAuditEndpoints();
}
