using ServicePro.Host.Persistence;

namespace ServicePro.Host.Messaging;

public enum MessageChannel
{
    Sms,
    Email,
}

/// <summary>
/// What the business says to customers at one moment on one channel (Liquid). Copied from the industry
/// pack when the pack is chosen, then the tenant's own to edit.
/// </summary>
public sealed class MessageTemplate : ITenantOwned
{
    public Guid TenantId { get; set; }
    public MessageChannel Channel { get; set; }

    /// <summary>One of Abstractions' MessageMoments.</summary>
    public required string Moment { get; set; }

    /// <summary>Email only.</summary>
    public string? Subject { get; set; }

    public required string Body { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
