using ServicePro.Host.Persistence;

namespace ServicePro.Host.Customers;

/// <summary>
/// What a customer has the work done on — a vehicle, a pet, a property — described with the answers to their
/// trade's intake questions, so a booking can reuse them instead of asking again.
/// </summary>
public sealed class CustomerAsset : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid CustomerId { get; set; }

    /// <summary>What it is in the tenant's trade ("vehicle", "pet", "property", "home").</summary>
    public required string Kind { get; set; }

    /// <summary>How the customer calls it ("Blue F-150", "Biscuit").</summary>
    public required string Label { get; set; }

    /// <summary>Answers to the pack's intake fields, keyed by field key.</summary>
    public Dictionary<string, string> Details { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
