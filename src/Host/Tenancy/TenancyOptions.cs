namespace ServicePro.Host.Tenancy;

/// <summary>How requests find their tenant: the keys <c>ServicePro:BaseDomain</c> and <c>ServicePro:PlatformHosts</c>.</summary>
public sealed class TenancyOptions
{
    public const string Section = "ServicePro";

    /// <summary>Tenants without a custom domain answer at {slug}.{BaseDomain}.</summary>
    public string BaseDomain { get; set; } = "servicepro.localhost";

    /// <summary>Host names that reach the platform itself (operators, health, docs) rather than a tenant.</summary>
    public List<string> PlatformHosts { get; set; } = ["localhost", "127.0.0.1", "[::1]"];
}
