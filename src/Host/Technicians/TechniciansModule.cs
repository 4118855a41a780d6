using ServicePro.Host.Hosting;

namespace ServicePro.Host.Technicians;

/// <summary>The team: technicians with their skills and weekly shifts, time off with approval, and the time clock.</summary>
public sealed class TechniciansModule : HostModule
{
    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTechnicianEndpoints();
        endpoints.MapTimeOffEndpoints();
        endpoints.MapTimeEntryEndpoints();
    }
}
