namespace ServicePro.Host.Secrets;

/// <summary>
/// A known value sealed under each key-encryption key version the first time that version is used, so a start
/// with a different key under the same version number fails loudly instead of leaving secrets unreadable.
/// Platform-level: holds no tenant data.
/// </summary>
public sealed class KeyCheck
{
    public int Version { get; set; }
    public required byte[] Sealed { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
