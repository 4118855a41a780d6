using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Auditing;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Identity;

public sealed record AddStaffResult(StaffMembership? Membership, Dictionary<string, string[]> Errors);

public sealed record StaffMember(Guid UserId, string Email, string DisplayName, string Role, DateTimeOffset Since);

/// <summary>People who work for the current tenant: adds a membership, creating the sign-in identity if it is new.</summary>
public sealed class StaffDirectory(ServiceProDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public async Task<AddStaffResult> AddAsync(
        string? email, string? password, string? displayName, StaffRole role, string actor, CancellationToken ct)
    {
        email = EmailRules.Normalize(email);
        if (email is null)
        {
            return Failed("email", "Enter the person's email address.");
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            if (string.IsNullOrEmpty(password))
            {
                return Failed("password", "A password is required for a new person.");
            }

            user = new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = email,
                Email = email,
                DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim(),
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return new AddStaffResult(null, IdentityErrors(created));
            }
        }

        if (await db.StaffMemberships.AnyAsync(m => m.UserId == user.Id, ct))
        {
            return Failed("email", $"{email} already works for this business.");
        }

        var membership = new StaffMembership { UserId = user.Id, Role = role, CreatedAt = clock.GetUtcNow() };
        db.StaffMemberships.Add(membership);
        db.AuditLog.Add(AuditEntry.Create(clock, actor, "staff.added", "staff_membership", user.Id.ToString(),
            new() { ["role"] = SnakeCaseEnum.ToName(role) }));
        await db.SaveChangesAsync(ct);
        return new AddStaffResult(membership, []);
    }

    /// <summary>Everyone who works for the current tenant, owners first.</summary>
    public async Task<List<StaffMember>> ListAsync(CancellationToken ct) =>
        await db.StaffMemberships.AsNoTracking()
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, u.Email, u.DisplayName, m.Role, m.CreatedAt })
            .OrderBy(x => x.Role).ThenBy(x => x.Email)
            .Select(x => new StaffMember(x.UserId, x.Email!, x.DisplayName, SnakeCaseEnum.ToName(x.Role), x.CreatedAt))
            .ToListAsync(ct);

    /// <summary>Removes a person from the current tenant (their sign-in stays, for their other businesses).</summary>
    public async Task RemoveAsync(StaffMembership membership, string actor, CancellationToken ct)
    {
        db.StaffMemberships.Remove(membership);
        db.AuditLog.Add(AuditEntry.Create(clock, actor, "staff.removed", "staff_membership", membership.UserId.ToString()));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Marks the current tenant active now (tenants.last_active_at): operators see which businesses really use the platform.</summary>
    public Task RecordSignInAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.Tenants.Where(t => t.Id == db.CurrentTenantId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastActiveAt, now), ct);
    }

    public Task<int> CountOwnersAsync(CancellationToken ct) => db.StaffMemberships.CountAsync(m => m.Role == StaffRole.Owner, ct);

    public Task<StaffMembership?> FindMembershipAsync(Guid userId, CancellationToken ct) => FindMembershipAsync(db, userId, ct);

    /// <summary>The membership alone, for callers on every request (authorization) that need none of the identity services.</summary>
    public static Task<StaffMembership?> FindMembershipAsync(ServiceProDbContext db, Guid userId, CancellationToken ct) =>
        db.StaffMemberships.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == userId, ct);

    private static AddStaffResult Failed(string field, string message) => new(null, new() { [field] = [message] });

    private static Dictionary<string, string[]> IdentityErrors(IdentityResult result) =>
        result.Errors
            .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
}
