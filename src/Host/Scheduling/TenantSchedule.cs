using System.Text.Json;
using ServicePro.Host.Catalog;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Scheduling;

/// <summary>An active technician as availability needs them: the services they do (none listed: all) and their weekly shifts.</summary>
public sealed record ScheduledTechnician(Guid Id, IReadOnlySet<Guid> Skills, IReadOnlyList<WeeklyShift> Shifts);

public sealed record WeeklyShift(DayOfWeek Weekday, TimeOnly Start, TimeOnly End);

/// <summary>
/// The part of a tenant's schedule that rarely changes — settings, services, active technicians in name order — as of
/// tenant_settings.schedule_version <see cref="Version"/>. Kept in memory by <see cref="PostgresScheduleLoader"/>.
/// </summary>
public sealed record TenantSchedule(
    long Version, TenantSettings Settings, IReadOnlyDictionary<Guid, TenantService> Services, IReadOnlyList<ScheduledTechnician> Technicians)
{
    /// <summary>Reads the document <see cref="PostgresScheduleLoader"/>'s SQL builds.</summary>
    public static TenantSchedule FromJson(Guid tenantId, long version, string json)
    {
        var document = JsonSerializer.Deserialize<Document>(json, JsonColumns.SerializerOptions)
                       ?? throw new InvalidOperationException("The schedule document is empty.");
        var settings = new TenantSettings
        {
            TenantId = tenantId,
            ServiceArea = document.ServiceArea,
            BusinessHours = document.BusinessHours,
            SchedulerConfig = document.SchedulerConfig,
            ScheduleVersion = version,
        };
        foreach (var service in document.Services)
        {
            service.TenantId = tenantId;
        }

        return new TenantSchedule(
            version,
            settings,
            document.Services.ToDictionary(s => s.Id),
            document.Technicians.Select(t => new ScheduledTechnician(
                t.Id, t.Skills.ToHashSet(), t.Shifts.Select(s => new WeeklyShift((DayOfWeek)s.Weekday, s.Start, s.End)).ToList())).ToList());
    }

    private sealed record Document(
        ServiceArea ServiceArea,
        Dictionary<string, BusinessDay> BusinessHours,
        SchedulerConfig SchedulerConfig,
        List<TenantService> Services,
        List<TechnicianRow> Technicians);

    private sealed record TechnicianRow(Guid Id, List<Guid> Skills, List<ShiftRow> Shifts);

    private sealed record ShiftRow(int Weekday, TimeOnly Start, TimeOnly End);
}
