using Microsoft.Extensions.Options;

namespace ServicePro.Host.Tenancy;

/// <summary>Where a tenant answers on the web: its own domain, else its subdomain of the platform's base domain.</summary>
public sealed class TenantAddresses(IOptions<TenancyOptions> options)
{
    /// <summary>The platform's base domain, under which every tenant has {slug}.{BaseDomain}.</summary>
    public string BaseDomain => options.Value.BaseDomain;

    public string HostName(Tenant tenant) => tenant.CustomDomain ?? $"{tenant.Slug}.{BaseDomain}";

    public string HostName(TenantInfo tenant) => tenant.CustomDomain ?? $"{tenant.Slug}.{BaseDomain}";

    /// <summary>The tenant's public site, as links in texts and registrations give it.</summary>
    public string SiteUrl(TenantInfo tenant) => $"https://{HostName(tenant)}";

    public string SiteUrl(Tenant tenant) => $"https://{HostName(tenant)}";
}
