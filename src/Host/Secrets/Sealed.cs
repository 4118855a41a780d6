using System.Security.Cryptography;

namespace ServicePro.Host.Secrets;

/// <summary>
/// AES-256-GCM in one byte string: 12-byte random nonce ‖ ciphertext ‖ 16-byte tag. (.NET's AesGcm takes only
/// 12-byte nonces; the seed's 16-byte IV would throw.)
/// </summary>
public static class Sealed
{
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int KeySize = 32;

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var sealedBytes = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize, plaintext.Length), sealedBytes.AsSpan(NonceSize + plaintext.Length), associatedData);
        return sealedBytes;
    }

    public static byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associatedData)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new AuthenticationTagMismatchException("The sealed value is too short to be genuine.");
        }

        var length = sealedBytes.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes[..NonceSize], sealedBytes.Slice(NonceSize, length), sealedBytes[(NonceSize + length)..], plaintext, associatedData);
        return plaintext;
    }
}
