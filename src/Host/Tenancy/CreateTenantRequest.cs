using ServicePro.Host.Validation;
namespace ServicePro.Host.Tenancy;

/// <summary>What an operator supplies to create a tenant; validated by <see cref="TenantAdministration"/>.</summary>
public sealed record CreateTenantRequest(
    [Slug] string? Slug,
    [Text(TextRules.Name)] string? Name,
    [Text(TextRules.Name)] string? BrandName,
    [Text(64)] string? Industry,
    [Text(253)] string? CustomDomain = null,
    [Text(64)] string? Timezone = null,
    [Colour] string? PrimaryColor = null,
    [Email] string? Email = null,
    [PhoneNumber] string? Phone = null,
    NewOwner? Owner = null);

/// <summary>The first owner of a new tenant.</summary>
public sealed record NewOwner([Email] string Email, [Text(TextRules.Password)] string Password, [Text(TextRules.Name)] string? DisplayName);

/// <summary>The created tenant, or why not: a conflict or errors keyed by field.</summary>
public sealed record CreateTenantResult(Tenant? Tenant, string? ConflictReason, Dictionary<string, string[]>? Errors)
{
    public static CreateTenantResult Created(Tenant tenant) => new(tenant, null, null);

    public static CreateTenantResult Conflict(string reason) => new(null, reason, null);

    public static CreateTenantResult Invalid(Dictionary<string, string[]> errors) => new(null, null, errors);
}
