namespace ServicePro.Host.Secrets;

/// <summary>
/// Wraps and unwraps data keys with versioned key-encryption keys. The configured-key implementation holds
/// the keys in memory; a cloud KMS (whose Encrypt/Decrypt take an encryption context) can replace it without
/// touching the vault, because raw key-encryption keys never leave this interface.
/// </summary>
public interface IKeyEncryptionKeyProvider
{
    /// <summary>The version new data keys are wrapped with.</summary>
    int ActiveVersion { get; }

    /// <summary>Every version that can still unwrap.</summary>
    IReadOnlyList<int> Versions { get; }

    byte[] Wrap(int version, ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> associatedData);

    /// <exception cref="System.Security.Cryptography.AuthenticationTagMismatchException">Wrong key or wrong associated data.</exception>
    /// <exception cref="UnknownKeyVersionException">The version is not (or no longer) configured.</exception>
    byte[] Unwrap(int version, ReadOnlySpan<byte> wrapped, ReadOnlySpan<byte> associatedData);
}

public sealed class UnknownKeyVersionException(int version)
    : InvalidOperationException($"Key-encryption key version {version} is not configured (ServicePro:Secrets:Keys:{version}).");
