using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Secrets;

/// <summary>At start-up: every configured key version must be the same key it was when first used.</summary>
public sealed class KeyCheckVerifier(ServiceProDbContext db, IKeyEncryptionKeyProvider keys, TimeProvider clock)
{
    private static readonly byte[] KnownValue = Encoding.UTF8.GetBytes("servicepro key check");

    public async Task VerifyAsync(CancellationToken ct)
    {
        var checks = await db.KeyChecks.ToDictionaryAsync(k => k.Version, ct);
        foreach (var version in keys.Versions)
        {
            if (checks.TryGetValue(version, out var check))
            {
                try
                {
                    keys.Unwrap(version, check.Sealed, Context(version));
                }
                catch (AuthenticationTagMismatchException)
                {
                    throw new InvalidOperationException(
                        $"Refusing to start: master key version {version} is not the key this database's secrets were encrypted with. " +
                        "Configure the original key for that version (ServicePro:Secrets:Keys), and add a new key under a new version to rotate.");
                }
            }
            else
            {
                db.KeyChecks.Add(new KeyCheck { Version = version, Sealed = keys.Wrap(version, KnownValue, Context(version)), CreatedAt = clock.GetUtcNow() });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static byte[] Context(int version) => Encoding.UTF8.GetBytes($"servicepro:key-check|{version}");
}
