using ServicePro.Host.Persistence;

namespace ServicePro.Host.Bookings;

/// <summary>
/// The first answer given to a request carrying an <c>Idempotency-Key</c>: a retry with the same key and the
/// same body gets it again; the same key with a different body is refused.
/// </summary>
public sealed class IdempotencyRecord : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>What the key was used for ("booking.create"); keys are scoped to it.</summary>
    public required string Scope { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 of the canonical request body.</summary>
    public required byte[] RequestHash { get; set; }

    public int StatusCode { get; set; }
    public required string ResponseBody { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
