using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Technicians;

/// <summary>
/// Who may act for a technician (ask for their time off, clock them in, read their hours): the business's owners and
/// admins for anyone, and a technician for themselves through the staff sign-in linked to their profile.
/// </summary>
public static class TechnicianAccess
{
    public static Guid? UserIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <remarks>Roles are stored as words, so the rank comparison happens here rather than in SQL.</remarks>
    public static async Task<bool> IsAdminAsync(ServiceProDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        UserIdOf(user) is { } userId
        && (await db.StaffMemberships.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == userId, ct))?.Role <= StaffRole.Admin;

    public static async Task<bool> MayActForAsync(ServiceProDbContext db, ClaimsPrincipal user, Technician technician, CancellationToken ct) =>
        (technician.UserId is { } linked && linked == UserIdOf(user)) || await IsAdminAsync(db, user, ct);

    public static ForbiddenProblem Forbidden(string detail) => Problems.Forbidden("Not allowed", detail);
}
