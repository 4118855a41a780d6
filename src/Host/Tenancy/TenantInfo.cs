namespace ServicePro.Host.Tenancy;

/// <summary>The cached, public face of a tenant: what resolution and branding need on every request.</summary>
public sealed record TenantInfo(
    Guid Id,
    string Slug,
    string Name,
    string BrandName,
    string? CustomDomain,
    string Industry,
    TenantStatus Status,
    string Timezone,
    string PrimaryColor,
    string SecondaryColor,
    string? LogoUrl,
    string? Email = null,
    string? Phone = null)
{
    public static TenantInfo From(Tenant t) => new(
        t.Id, t.Slug, t.Name, t.BrandName, t.CustomDomain, t.Industry, t.Status, t.Timezone,
        t.PrimaryColor, t.SecondaryColor, t.LogoUrl, t.Email, t.Phone);
}
