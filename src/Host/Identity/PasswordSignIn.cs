using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Identity;

public enum SignInOutcome
{
    SignedIn,

    /// <summary>
    /// Unknown e-mail, wrong password, locked out, or not someone who signs in at this address: one answer for all,
    /// so the answer tells a stranger nothing about who has an account, where, or whether it is locked.
    /// </summary>
    Refused,
}

/// <summary>
/// Signs a person in with a password on this address: on a tenant's address they must work there; on the platform's
/// address they must be an operator. Every refusal costs one password hash, whether or not the person exists, so the
/// time an answer takes does not tell an unknown e-mail from a wrong password or a locked account.
/// </summary>
/// <remarks>
/// Wrong passwords count per person and business: at a tenant's address on the person's membership there
/// (<see cref="StaffMembership.FailedSignIns"/>), at the platform's address on the operator's user (Identity's own
/// lockout). A stranger typing wrong passwords at one business cannot lock its staff out of another business.
/// </remarks>
public sealed class PasswordSignIn(
    ITenantContext tenant, ServiceProDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn,
    StaffDirectory staff, SignInLockouts lockouts, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    /// <summary>What the person is told for every refusal, on the API and the sign-in page alike.</summary>
    public const string RefusedDetail =
        "That email and password do not sign you in here. After 5 failed attempts, sign-in pauses for 15 minutes.";

    private static string? _dummyHash;

    public async Task<SignInOutcome> SignInAsync(string email, string password, string? clientAddress, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        var membership = user is null || tenant.Tenant is null ? null : await staff.FindMembershipAsync(user.Id, ct);
        var allowedHere = user is not null && (tenant.Tenant is null ? user.IsPlatformOperator : membership is not null);
        if (!allowedHere || user!.PasswordHash is null)
        {
            // The same work as a real check: a stranger cannot time their way to a list of accounts.
            Verify(new AppUser(), DummyHash(), password);
            return SignInOutcome.Refused;
        }

        var verified = Verify(user, user.PasswordHash, password);
        var signedIn = membership is null
            ? await CheckOperatorAsync(user, verified, clientAddress, ct)
            : await CheckMemberAsync(user, membership, verified, clientAddress, ct);
        if (!signedIn)
        {
            return SignInOutcome.Refused;
        }

        await signIn.SignInAsync(user, isPersistent: false);
        if (tenant.Tenant is not null)
        {
            await staff.RecordSignInAsync(ct);
        }

        return SignInOutcome.SignedIn;
    }

    private async Task<bool> CheckOperatorAsync(AppUser user, bool verified, string? clientAddress, CancellationToken ct)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (!verified)
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
            {
                await lockouts.RecordAsync(user, user.LockoutEnd!.Value, clientAddress, ct);
            }

            return false;
        }

        await users.ResetAccessFailedCountAsync(user);
        return true;
    }

    /// <remarks>
    /// Counted with single UPDATE statements rather than read-modify-write, so wrong passwords sent at the same moment
    /// all count, and only the one request that reaches the limit locks the account and tells the business.
    /// </remarks>
    private async Task<bool> CheckMemberAsync(AppUser user, StaffMembership membership, bool verified, string? clientAddress, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (membership.LockedOutUntil > now)
        {
            return false;
        }

        var mine = db.StaffMemberships.Where(m => m.UserId == user.Id);
        if (verified)
        {
            if (membership.FailedSignIns != 0 || membership.LockedOutUntil is not null)
            {
                await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedSignIns, 0).SetProperty(m => m.LockedOutUntil, (DateTimeOffset?)null), ct);
            }

            return true;
        }

        var limit = identity.Value.Lockout.MaxFailedAccessAttempts;
        await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedSignIns, m => m.FailedSignIns + 1), ct);
        DateTimeOffset? until = now + identity.Value.Lockout.DefaultLockoutTimeSpan;
        if (await mine.Where(m => m.FailedSignIns >= limit)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedSignIns, 0).SetProperty(m => m.LockedOutUntil, until), ct) == 1)
        {
            await lockouts.RecordAsync(user, until.Value, clientAddress, ct);
        }

        return false;
    }

    private bool Verify(AppUser user, string hash, string password) =>
        users.PasswordHasher.VerifyHashedPassword(user, hash, password) is not PasswordVerificationResult.Failed;

    /// <summary>A hash of a random password made by the configured hasher, so checking it costs what a real check costs.</summary>
    private string DummyHash() =>
        _dummyHash ??= users.PasswordHasher.HashPassword(new AppUser(), Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
}
