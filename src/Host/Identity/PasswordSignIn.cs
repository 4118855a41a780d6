using Microsoft.AspNetCore.Identity;
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
public sealed class PasswordSignIn(
    ITenantContext tenant, UserManager<AppUser> users, SignInManager<AppUser> signIn, StaffDirectory staff,
    SignInLockouts lockouts)
{
    /// <summary>What the person is told for every refusal, on the API and the sign-in page alike.</summary>
    public const string RefusedDetail =
        "That email and password do not sign you in here. After 5 failed attempts, sign-in pauses for 15 minutes.";

    private static string? _dummyHash;

    public async Task<SignInOutcome> SignInAsync(string email, string password, string? clientAddress, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        var allowedHere = user is not null
            && (tenant.Tenant is null ? user.IsPlatformOperator : await staff.FindMembershipAsync(user.Id, ct) is not null);
        if (!allowedHere || user!.PasswordHash is null)
        {
            // The same work as a real check: a stranger cannot time their way to a list of accounts.
            Verify(new AppUser(), DummyHash(), password);
            return SignInOutcome.Refused;
        }

        var verified = Verify(user, user.PasswordHash, password);
        if (await users.IsLockedOutAsync(user))
        {
            return SignInOutcome.Refused;
        }

        if (!verified)
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
            {
                await lockouts.RecordAsync(user, user.LockoutEnd!.Value, clientAddress, ct);
            }

            return SignInOutcome.Refused;
        }

        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        if (tenant.Tenant is not null)
        {
            await staff.RecordSignInAsync(ct);
        }

        return SignInOutcome.SignedIn;
    }

    private bool Verify(AppUser user, string hash, string password) =>
        users.PasswordHasher.VerifyHashedPassword(user, hash, password) is not PasswordVerificationResult.Failed;

    /// <summary>A hash of a random password made by the configured hasher, so checking it costs what a real check costs.</summary>
    private string DummyHash() =>
        _dummyHash ??= users.PasswordHasher.HashPassword(new AppUser(), Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
}
