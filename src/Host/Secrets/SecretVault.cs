using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Secrets;

public sealed record MaskedSecret(string Field, string Masked, DateTimeOffset UpdatedAt);

/// <summary>
/// The current tenant's credentials, envelope-encrypted (docs/decisions/0006-secrets-vault.md). Values go in
/// and come out only here; nothing else ever sees them, and nothing here logs them.
/// </summary>
public sealed class SecretVault(ServiceProDbContext db, IKeyEncryptionKeyProvider keys, TimeProvider clock)
{
    private const int RevealFrom = 12;

    public async Task PutAsync(string provider, string field, string value, CancellationToken ct)
    {
        var tenant = RequireTenant();
        var version = keys.ActiveVersion;
        var (ciphertext, wrapped) = Encrypt(tenant, provider, field, version, value);
        var now = clock.GetUtcNow();
        var row = await db.TenantSecrets.FirstOrDefaultAsync(s => s.Provider == provider && s.Field == field, ct);
        if (row is null)
        {
            row = new TenantSecret { Provider = provider, Field = field, Ciphertext = ciphertext, WrappedDataKey = wrapped, CreatedAt = now };
            db.TenantSecrets.Add(row);
        }

        row.Ciphertext = ciphertext;
        row.WrappedDataKey = wrapped;
        row.KeyVersion = version;
        row.Last4 = value.Length >= RevealFrom ? value[^4..] : null;
        row.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
    }

    public async Task<string?> GetAsync(string provider, string field, CancellationToken ct)
    {
        var row = await db.TenantSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.Provider == provider && s.Field == field, ct);
        return row is null ? null : Decrypt(row);
    }

    /// <summary>What a person may see of a provider's secrets: which fields are set, masked.</summary>
    public async Task<IReadOnlyList<MaskedSecret>> DescribeAsync(string provider, CancellationToken ct) =>
        (await db.TenantSecrets.AsNoTracking().Where(s => s.Provider == provider).OrderBy(s => s.Field).ToListAsync(ct))
            .Select(s => new MaskedSecret(s.Field, "••••" + (s.Last4 ?? ""), s.UpdatedAt))
            .ToList();

    /// <summary>Re-wraps every data key of the current tenant under the active key version; values are not re-encrypted.</summary>
    /// <returns>How many were re-wrapped.</returns>
    public async Task<int> RewrapAsync(CancellationToken ct)
    {
        var tenant = RequireTenant();
        var active = keys.ActiveVersion;
        var stale = await db.TenantSecrets.Where(s => s.KeyVersion != active).ToListAsync(ct);
        foreach (var row in stale)
        {
            var dataKey = keys.Unwrap(row.KeyVersion, row.WrappedDataKey, KeyContext(tenant, row.Provider, row.Field, row.KeyVersion));
            try
            {
                row.WrappedDataKey = keys.Wrap(active, dataKey, KeyContext(tenant, row.Provider, row.Field, active));
                row.KeyVersion = active;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(dataKey);
            }
        }

        await db.SaveChangesAsync(ct);
        return stale.Count;
    }

    /// <summary>How many of the current tenant's secrets each key version wraps.</summary>
    public async Task<Dictionary<int, int>> CountByKeyVersionAsync(CancellationToken ct) =>
        await db.TenantSecrets.GroupBy(s => s.KeyVersion).ToDictionaryAsync(g => g.Key, g => g.Count(), ct);

    private (byte[] Ciphertext, byte[] WrappedDataKey) Encrypt(Guid tenant, string provider, string field, int version, string value)
    {
        var dataKey = RandomNumberGenerator.GetBytes(Sealed.KeySize);
        try
        {
            return (Sealed.Seal(dataKey, Encoding.UTF8.GetBytes(value), ValueContext(tenant, provider, field)),
                keys.Wrap(version, dataKey, KeyContext(tenant, provider, field, version)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private string Decrypt(TenantSecret row)
    {
        var tenant = RequireTenant();
        try
        {
            var dataKey = keys.Unwrap(row.KeyVersion, row.WrappedDataKey, KeyContext(tenant, row.Provider, row.Field, row.KeyVersion));
            try
            {
                return Encoding.UTF8.GetString(Sealed.Open(dataKey, row.Ciphertext, ValueContext(tenant, row.Provider, row.Field)));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(dataKey);
            }
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new SecretUnreadableException(row.Provider, row.Field);
        }
    }

    private Guid RequireTenant() =>
        db.HasTenant ? db.CurrentTenantId : throw new InvalidOperationException("Secrets are always read and written for one tenant.");

    // Associated data binds each ciphertext to its place; a copy elsewhere fails authentication.
    private static byte[] ValueContext(Guid tenant, string provider, string field) =>
        Encoding.UTF8.GetBytes($"servicepro:secret:v1|{tenant:N}|{provider}|{field}");

    private static byte[] KeyContext(Guid tenant, string provider, string field, int version) =>
        Encoding.UTF8.GetBytes($"servicepro:data-key:v1|{tenant:N}|{provider}|{field}|{version}");
}

/// <summary>A stored secret failed authentication: it was moved, tampered with, or wrapped by another key.</summary>
public sealed class SecretUnreadableException(string provider, string field)
    : InvalidOperationException($"The stored {provider} {field} cannot be decrypted here; enter it again.");
