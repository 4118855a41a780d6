namespace ServicePro.Host.Tenancy;

/// <summary>What an operator supplies to create a tenant; validated by <see cref="TenantAdministration"/>.</summary>
public sealed record CreateTenantRequest(
    string? Slug,
    string? Name,
    string? BrandName,
    string? Industry,
    string? CustomDomain = null,
    string? Timezone = null,
    string? PrimaryColor = null,
    string? Email = null,
    string? Phone = null,
    NewOwner? Owner = null);

/// <summary>The first owner of a new tenant.</summary>
public sealed record NewOwner(string Email, string Password, string? DisplayName);

/// <summary>The created tenant, or why not: a conflict or errors keyed by field.</summary>
public sealed record CreateTenantResult(Tenant? Tenant, string? ConflictReason, Dictionary<string, string[]>? Errors)
{
    public static CreateTenantResult Created(Tenant tenant) => new(tenant, null, null);

    public static CreateTenantResult Conflict(string reason) => new(null, reason, null);

    public static CreateTenantResult Invalid(Dictionary<string, string[]> errors) => new(null, null, errors);
}
