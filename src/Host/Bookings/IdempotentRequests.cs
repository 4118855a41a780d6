using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Bookings;

/// <summary>What an earlier request with the same key left behind.</summary>
public abstract record IdempotentPrior;

/// <summary>Same key, same request: give back the stored answer.</summary>
public sealed record IdempotentReplay(int StatusCode, string Body) : IdempotentPrior;

/// <summary>Same key, different request: refuse.</summary>
public sealed record IdempotentMismatch : IdempotentPrior;

/// <summary>
/// Idempotency keys (the IETF <c>Idempotency-Key</c> header): a client that retries a request after a timeout gets
/// the first answer again instead of a second booking. The record is stored in the same transaction as the thing
/// it created, so a key is never taken by a request that failed.
/// </summary>
public sealed class IdempotentRequests(ServiceProDbContext db, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    /// <summary>SHA-256 of the request as parsed and serialised again, so formatting and property order do not matter.</summary>
    public static byte[] Fingerprint<T>(T request) => SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, JsonColumns.SerializerOptions));

    public async Task<IdempotentPrior?> FindAsync(string scope, string key, byte[] fingerprint, CancellationToken ct)
    {
        var record = await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct);
        return record switch
        {
            null => null,
            _ when record.RequestHash.AsSpan().SequenceEqual(fingerprint) => new IdempotentReplay(record.StatusCode, record.ResponseBody),
            _ => new IdempotentMismatch(),
        };
    }

    /// <summary>Adds the record to the pending changes, to be saved with the result it describes.</summary>
    public void Remember(string scope, string key, byte[] fingerprint, int statusCode, string responseBody) =>
        db.IdempotencyKeys.Add(new IdempotencyRecord
        {
            Scope = scope,
            Key = key,
            RequestHash = fingerprint,
            StatusCode = statusCode,
            ResponseBody = responseBody,
            CreatedAt = clock.GetUtcNow(),
        });
}
