namespace ServicePro.Abstractions.Integrations;

/// <summary>Everything one provider call may use, prepared by the host for one tenant.</summary>
public sealed class IntegrationContext(
    HttpClient http,
    IReadOnlyDictionary<string, string> values,
    IReadOnlyDictionary<string, Uri> endpoints,
    TenantProfile tenant)
{
    /// <summary>
    /// A client with the host's timeouts and retries (429 and 5xx only, with backoff). It has no base
    /// address: build absolute URIs from <see cref="Endpoint"/>. Don't dispose it.
    /// </summary>
    public HttpClient Http { get; } = http;

    /// <summary>The tenant's values for the provider's fields, secret ones decrypted; only fields that are set.</summary>
    public IReadOnlyDictionary<string, string> Values { get; } = values;

    public TenantProfile Tenant { get; } = tenant;

    /// <summary>The base address for one of the provider's named endpoints, after configuration overrides.</summary>
    public Uri Endpoint(string name) =>
        endpoints.TryGetValue(name, out var uri)
            ? uri
            : throw new ArgumentException($"The provider declares no endpoint named '{name}'.", nameof(name));

    /// <summary>A field's value; throws when the host did not supply a required one.</summary>
    public string Value(string field) =>
        Values.TryGetValue(field, out var value)
            ? value
            : throw new InvalidOperationException($"The '{field}' value is not set.");

    public string? OptionalValue(string field) => Values.GetValueOrDefault(field);
}

/// <summary>What a provider may know about the business it works for; nothing secret.</summary>
public sealed record TenantProfile(
    Guid TenantId,
    string Slug,
    string BrandName,
    string Industry,
    string Timezone,
    string? Email,
    string? Phone,
    string? Website,
    double Latitude,
    double Longitude,
    double RadiusMiles);
