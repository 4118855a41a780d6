namespace ServicePro.Abstractions;

/// <summary>
/// A service a pack offers by default. Prices are in the tenant's currency (USD for the built-in packs).
/// <see cref="DurationMinutes"/> is the typical job; an estimate may stretch it up to <see cref="MaxDurationMinutes"/>.
/// </summary>
public sealed record ServiceDefinition(
    string Key,
    string Name,
    string Description,
    decimal PriceMin,
    decimal PriceMax,
    int DurationMinutes,
    int MaxDurationMinutes,
    bool IsOutdoor);
