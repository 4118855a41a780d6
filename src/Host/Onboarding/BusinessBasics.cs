using System.ComponentModel.DataAnnotations;
using ServicePro.Host.Customers;
using ServicePro.Host.Scheduling;
using ServicePro.Host.Tenancy;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Onboarding;

/// <summary>Step 1: who the business is and when and where it works.</summary>
/// <remarks>
/// The rules are <see cref="BusinessBasicsRules"/>, which the wizard's page calls too; the API runs them through
/// <see cref="IValidatableObject"/>, so a client gets every field's problem in one answer as the page shows them.
/// </remarks>
public sealed record BusinessBasics(
    string? BrandName,
    string? PrimaryColor,
    string? SecondaryColor,
    string? LogoUrl,
    string? Email,
    string? Phone,
    string? Address,
    string? Timezone,
    ServiceAreaInput? ServiceArea,
    Dictionary<string, BusinessDay>? BusinessHours) : IValidatableObject
{
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext) =>
        BusinessBasicsRules.Check(this).Select(e => new ValidationResult(e.Value[0], [e.Key]));

    public static BusinessBasics From(Tenant tenant, TenantSettings settings) => new(
        tenant.BrandName, tenant.PrimaryColor, tenant.SecondaryColor, tenant.LogoUrl, tenant.Email, tenant.Phone, tenant.Address,
        tenant.Timezone,
        new ServiceAreaInput(settings.ServiceArea.Center.Lat, settings.ServiceArea.Center.Lng,
            settings.ServiceArea.RadiusMiles),
        settings.BusinessHours);
}

/// <summary>The center of the area served and how far from it the business travels.</summary>
public sealed record ServiceAreaInput(double? Latitude, double? Longitude, double? RadiusMiles);

public static partial class BusinessBasicsRules
{
    /// <summary>Errors keyed by field, empty when the basics can be saved.</summary>
    public static Dictionary<string, string[]> Check(BusinessBasics b)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(b.BrandName) || TextRules.Problem(b.BrandName.Trim(), TextRules.Name) is not null)
        {
            errors["brandName"] = [$"Enter the name customers know you by, on one line (up to {TextRules.Name} characters)."];
        }

        foreach (var (field, color) in new[] { ("primaryColor", b.PrimaryColor), ("secondaryColor", b.SecondaryColor) })
        {
            if (!ColourRules.IsValid(color))
            {
                errors[field] = ["Use a hex color such as #3B82F6."];
            }
        }

        if (!string.IsNullOrWhiteSpace(b.LogoUrl) && !WebAddressRules.IsValid(b.LogoUrl, httpsOnly: true))
        {
            errors["logoUrl"] = ["Use an https address for your logo, or leave it empty."];
        }

        if (!EmailRules.IsValid(b.Email))
        {
            errors["email"] = ["Enter the email address customers can reach you at."];
        }

        if (PhoneRules.ToE164(b.Phone) is null)
        {
            errors["phone"] = ["Enter the business phone number, e.g. (918) 555-0100."];
        }

        if (b.Address is not null && TextRules.Problem(b.Address, TextRules.Line) is { } addressProblem)
        {
            errors["address"] = [addressProblem];
        }

        if (b.Timezone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(b.Timezone, out _) || !b.Timezone.Contains('/'))
        {
            errors["timezone"] = ["Choose your time zone, e.g. America/Chicago."];
        }

        SchedulingSettingsRules.CheckServiceArea(
            b.ServiceArea?.Latitude, b.ServiceArea?.Longitude, b.ServiceArea?.RadiusMiles, "serviceArea.radiusMiles", errors);
        SchedulingSettingsRules.CheckBusinessHours(b.BusinessHours, errors);
        return errors;
    }
}
