using ServicePro.Host.Persistence;

namespace ServicePro.Host.Technicians;

/// <summary>Working hours on one weekday, on the tenant's local clock; several per day are allowed (split shifts).</summary>
public sealed class TechnicianShift : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid TechnicianId { get; set; }
    public DayOfWeek Weekday { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
}
