namespace ServicePro.Host.Tenancy;

/// <summary>Where a tenant answers on the web: its own domain, else its subdomain of the platform's base domain.</summary>
public static class TenantAddress
{
    public static string HostName(Tenant tenant, string baseDomain) => tenant.CustomDomain ?? $"{tenant.Slug}.{baseDomain}";

    public static string HostName(TenantInfo tenant, string baseDomain) => tenant.CustomDomain ?? $"{tenant.Slug}.{baseDomain}";
}
