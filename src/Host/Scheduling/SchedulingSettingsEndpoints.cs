using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Auditing;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Persistence;

using ServicePro.Host.Tenancy;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Scheduling;

/// <summary>The rules bookable time is made from, as the availability engine reads them.</summary>
public sealed record SchedulingSettingsView(SchedulerConfig Scheduler, Dictionary<string, BusinessDay> BusinessHours, ServiceArea ServiceArea)
{
    /// <remarks>Days in week order, monday first: jsonb keeps its own key order.</remarks>
    public static SchedulingSettingsView From(TenantSettings s) => new(
        s.SchedulerConfig,
        BusinessDay.Weekdays.Where(s.BusinessHours.ContainsKey).ToDictionary(d => d, d => s.BusinessHours[d]),
        s.ServiceArea);
}

/// <summary>Each section is optional and a missing one is left as it is; within the scheduler section a missing
/// field keeps its value too. Business hours and the service area are replaced whole.</summary>
public sealed record SchedulingSettingsRequest(
    SchedulerConfigChanges? Scheduler, [TextMap(7)] Dictionary<string, BusinessDay>? BusinessHours, ServiceAreaRequest? ServiceArea);

public sealed record SchedulerConfigChanges(
    bool? HalfHourIncrements,
    int? MinimumNoticeHours,
    bool? AllowWeekendBookings,
    bool? EnableLunchBreak,
    [Text(10)] string? LunchTime,
    int? LunchMinutes,
    int? EtaPaddingMinutes,
    int? BufferMinutes,
    bool? RequireDeposit,
    int? DepositPercentage)
{
    public SchedulerConfig ApplyTo(SchedulerConfig current) => current with
    {
        HalfHourIncrements = HalfHourIncrements ?? current.HalfHourIncrements,
        MinimumNoticeHours = MinimumNoticeHours ?? current.MinimumNoticeHours,
        AllowWeekendBookings = AllowWeekendBookings ?? current.AllowWeekendBookings,
        EnableLunchBreak = EnableLunchBreak ?? current.EnableLunchBreak,
        LunchTime = LunchTime?.Trim() ?? current.LunchTime,
        LunchMinutes = LunchMinutes ?? current.LunchMinutes,
        EtaPaddingMinutes = EtaPaddingMinutes ?? current.EtaPaddingMinutes,
        BufferMinutes = BufferMinutes ?? current.BufferMinutes,
        RequireDeposit = RequireDeposit ?? current.RequireDeposit,
        DepositPercentage = DepositPercentage ?? current.DepositPercentage,
    };
}

/// <remarks>Its range is checked with the rest of the service area (<see cref="SchedulingSettingsRules"/>), on the center as one field.</remarks>
public sealed record GeoPointRequest(double? Lat, double? Lng);

/// <summary>Unit is "miles" (the default) or "km".</summary>
public sealed record ServiceAreaRequest(GeoPointRequest? Center, double? Radius, [Text(20)] string? Unit);

public static class SchedulingSettingsEndpoints
{
    private static readonly string[] Units = ["miles", "km"];

    public static RouteGroupBuilder MapSchedulingSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/settings/scheduling").WithTags("Settings").RequireAuthorization(Policies.TenantMember);
        group.MapGet("/", Get).WithName("getSchedulingSettings").WithSummary("Business hours, service area and the scheduler's rules (notice, increments, lunch, buffer, deposit).");
        group.MapPut("/", Update).WithName("updateSchedulingSettings").RequireAuthorization(Policies.TenantAdmin)
            .WithSummary("Change any of the sections; sections left out are kept, as are scheduler fields left out.");
        return group;
    }

    private static async Task<Ok<SchedulingSettingsView>> Get(ServiceProDbContext db, CancellationToken ct) =>
        TypedResults.Ok(SchedulingSettingsView.From(await db.TenantSettings.AsNoTracking().FirstAsync(ct)));

    private static async Task<Results<Ok<SchedulingSettingsView>, ValidationProblem>> Update(
        SchedulingSettingsRequest request, ServiceProDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var settings = await db.TenantSettings.FirstAsync(ct);
        var errors = new Dictionary<string, string[]>();

        var scheduler = request.Scheduler?.ApplyTo(settings.SchedulerConfig) ?? settings.SchedulerConfig;
        SchedulingSettingsRules.CheckSchedulerConfig(scheduler, "scheduler", errors);

        if (request.BusinessHours is not null)
        {
            SchedulingSettingsRules.CheckBusinessHours(request.BusinessHours, errors);
        }

        ServiceArea? area = null;
        if (request.ServiceArea is { } requestedArea)
        {
            var unit = requestedArea.Unit?.Trim().ToLowerInvariant() ?? "miles";
            if (!Units.Contains(unit))
            {
                errors["serviceArea.unit"] = ["Use miles or km."];
            }

            var radiusMiles = unit == "km" ? requestedArea.Radius / 1.609344 : requestedArea.Radius;
            SchedulingSettingsRules.CheckServiceArea(requestedArea.Center?.Lat, requestedArea.Center?.Lng, radiusMiles, "serviceArea.radius", errors);
            if (errors.Count == 0)
            {
                area = new ServiceArea(requestedArea.Radius!.Value, unit, new GeoPoint(requestedArea.Center!.Lat!.Value, requestedArea.Center.Lng!.Value));
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var changed = new List<string>();
        if (request.Scheduler is not null)
        {
            settings.SchedulerConfig = scheduler;
            changed.Add("scheduler");
        }

        if (request.BusinessHours is { } hours)
        {
            settings.BusinessHours = BusinessDay.Weekdays.ToDictionary(d => d, d => hours[d]);
            changed.Add("businessHours");
        }

        if (area is not null)
        {
            settings.ServiceArea = area;
            changed.Add("serviceArea");
        }

        // No cache to evict: the tenant cache (TenantInfo) and the flag cache hold none of these, so the next
        // availability query reads the new rules from the database.
        settings.UpdatedAt = clock.GetUtcNow();
        db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), "settings.scheduling_updated", "tenant_settings",
            "scheduling", new() { ["sections"] = string.Join(",", changed) }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SchedulingSettingsView.From(settings));
    }
}
