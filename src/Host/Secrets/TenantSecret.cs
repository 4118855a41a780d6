using ServicePro.Host.Persistence;

namespace ServicePro.Host.Secrets;

/// <summary>
/// One credential field of one tenant's integration (e.g. twilio/auth_token), envelope-encrypted: the value is
/// sealed with its own random data key, and the data key is wrapped by a versioned key-encryption key. Both are
/// bound to this row's place, so bytes copied to another tenant, provider or field do not decrypt.
/// </summary>
public sealed class TenantSecret : ITenantOwned
{
    public Guid TenantId { get; set; }
    public required string Provider { get; set; }
    public required string Field { get; set; }

    /// <summary>nonce ‖ ciphertext ‖ tag of the value under the data key.</summary>
    public required byte[] Ciphertext { get; set; }

    /// <summary>The data key wrapped by key-encryption key <see cref="KeyVersion"/>.</summary>
    public required byte[] WrappedDataKey { get; set; }

    public int KeyVersion { get; set; }

    /// <summary>The last four characters, for showing the value masked; null when the value is too short to reveal any.</summary>
    public string? Last4 { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
