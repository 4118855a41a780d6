using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Auditing;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Identity;

/// <summary>
/// Lockouts are told to the business, not to whoever typed the passwords: the sign-in answer stays the same for
/// everyone, and the business's audit log gets an entry that its owners and admins see counted on their dashboard.
/// There is no outbound e-mail yet; when there is, it hangs off <see cref="RecordAsync"/>.
/// A platform operator's lockout has no business to tell: it goes to the log as a warning.
/// </summary>
public sealed class SignInLockouts(ServiceProDbContext db, ITenantContext tenant, TimeProvider clock, ILogger<SignInLockouts> logger)
{
    public const string Action = "sign_in.locked_out";

    public async Task RecordAsync(AppUser user, DateTimeOffset until, string? clientAddress, CancellationToken ct)
    {
        if (tenant.Tenant is null)
        {
            logger.LogWarning("Operator {UserId} is locked out of the platform's sign-in until {Until} after failed passwords from {ClientAddress}",
                user.Id, until, clientAddress);
            return;
        }

        db.AuditLog.Add(AuditEntry.Create(clock, "system", Action, "staff_membership", user.Id.ToString(), new()
        {
            ["email"] = user.Email,
            ["until"] = until.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["client_address"] = clientAddress,
        }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>How many lockouts the current business has had since <paramref name="since"/>.</summary>
    public Task<int> CountSinceAsync(DateTimeOffset since, CancellationToken ct) =>
        db.AuditLog.CountAsync(a => a.Action == Action && a.At >= since, ct);
}
