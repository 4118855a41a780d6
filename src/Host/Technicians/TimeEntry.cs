using ServicePro.Host.Persistence;

namespace ServicePro.Host.Technicians;

/// <summary>Time a technician clocked, optionally against a booking; open while <see cref="EndedAt"/> is null.</summary>
public sealed class TimeEntry : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid TechnicianId { get; set; }
    public Guid? BookingId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string Note { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
