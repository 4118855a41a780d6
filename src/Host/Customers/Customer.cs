using ServicePro.Host.Persistence;

namespace ServicePro.Host.Customers;

/// <summary>A tenant's customer. SMS consent is recorded with where and when it was given, as carriers require.</summary>
public sealed class Customer : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public required string Name { get; set; }

    /// <summary>E.164, unique within the tenant.</summary>
    public required string Phone { get; set; }

    public string? Email { get; set; }
    public string? Address { get; set; }

    /// <summary>Where <see cref="Address"/> is, when known: the service-area check needs it.</summary>
    public double? Lat { get; set; }

    public double? Lng { get; set; }
    public bool SmsConsent { get; set; }
    public string? SmsConsentSource { get; set; }
    public DateTimeOffset? SmsConsentAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
