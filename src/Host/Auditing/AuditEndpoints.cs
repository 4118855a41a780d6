using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Identity;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Auditing;

public sealed record AuditEntryDto(DateTimeOffset At, string Actor, string Action, string EntityType, string? EntityId, Dictionary<string, string?> Details);

public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.TenantAdmin);
        group.MapGet("/", List).WithName("listAuditEntries").WithSummary("The business's most recent changes, newest first (at most 200).");
        return group;
    }

    private static async Task<Ok<List<AuditEntryDto>>> List(int? take, ServiceProDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.AuditLog.AsNoTracking()
            .OrderByDescending(a => a.Id)
            .Take(Math.Clamp(take ?? 50, 1, 200))
            .Select(a => new AuditEntryDto(a.At, a.Actor, a.Action, a.EntityType, a.EntityId, a.Details))
            .ToListAsync(ct));
}
