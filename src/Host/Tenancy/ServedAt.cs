namespace ServicePro.Host.Tenancy;

/// <summary>Which kind of address an endpoint answers on (<see cref="TenantResolutionMiddleware"/> decides which a request is).</summary>
public enum ServedAt
{
    /// <summary>The platform's own address (<c>ServicePro:PlatformHosts</c>, the bare base domain): operators, sign-up.</summary>
    Platform,

    /// <summary>A business's address: its domain, <c>{slug}.{BaseDomain}</c> or <c>/t/{slug}/</c>.</summary>
    Tenant,
}

/// <summary>
/// Endpoint metadata: the endpoint is meant for one kind of address. Endpoints that require a tenant's staff need not
/// say so (their policy does); this is for the others, so clients and the OpenAPI document know where to call them.
/// </summary>
public sealed record ServedAtMetadata(ServedAt Address);

public static class ServedAtExtensions
{
    /// <summary>Answers on the platform's address only (elsewhere it refuses or means something else).</summary>
    public static TBuilder OnPlatformAddress<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ServedAtMetadata(ServedAt.Platform));

    /// <summary>Answers on a business's address only: the platform's has no business to answer for.</summary>
    public static TBuilder OnTenantAddress<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ServedAtMetadata(ServedAt.Tenant));
}
