using System.Buffers.Text;
using System.Security.Cryptography;

namespace ServicePro.Host.Calendar;

/// <summary>
/// The secret in a technician's calendar feed address. Calendar apps cannot sign in, so the address itself is the
/// credential: 32 random bytes, base64url (43 characters). Only its SHA-256 is stored, so a copy of the database
/// does not reveal anyone's feed.
/// </summary>
public static class CalendarFeedTokens
{
    private const int SecretBytes = 32;

    /// <summary>A new secret and the hash to store for it.</summary>
    public static (string Token, byte[] Hash) Issue()
    {
        var secret = RandomNumberGenerator.GetBytes(SecretBytes);
        return (Base64Url.EncodeToString(secret), SHA256.HashData(secret));
    }

    /// <summary>The stored hash for a token from an address; null when it cannot be one of ours (wrong length or alphabet).</summary>
    public static byte[]? HashOf(string token)
    {
        if (token.Length != Base64Url.GetEncodedLength(SecretBytes))
        {
            return null;
        }

        Span<byte> secret = stackalloc byte[SecretBytes];
        return Base64Url.TryDecodeFromChars(token, secret, out var written) && written == SecretBytes
            ? SHA256.HashData(secret)
            : null;
    }
}
