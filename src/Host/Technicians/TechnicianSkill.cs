using ServicePro.Host.Persistence;

namespace ServicePro.Host.Technicians;

/// <summary>A service a technician does. A technician with no skills recorded does every service.</summary>
public sealed class TechnicianSkill : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid TechnicianId { get; set; }
    public Guid ServiceId { get; set; }
}
