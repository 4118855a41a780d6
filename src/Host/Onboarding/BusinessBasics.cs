using System.Text.RegularExpressions;
using ServicePro.Host.Customers;
using ServicePro.Host.Scheduling;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Onboarding;

/// <summary>Step 1: who the business is and when and where it works.</summary>
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
    Dictionary<string, BusinessDay>? BusinessHours)
{
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
        if (string.IsNullOrWhiteSpace(b.BrandName) || b.BrandName.Trim().Length > 255)
        {
            errors["brandName"] = ["Enter the name customers know you by (up to 255 characters)."];
        }

        foreach (var (field, color) in new[] { ("primaryColor", b.PrimaryColor), ("secondaryColor", b.SecondaryColor) })
        {
            if (color is null || !ColorPattern().IsMatch(color))
            {
                errors[field] = ["Use a hex color such as #3B82F6."];
            }
        }

        if (!string.IsNullOrWhiteSpace(b.LogoUrl)
            && !(Uri.TryCreate(b.LogoUrl, UriKind.Absolute, out var logo) && logo.Scheme == Uri.UriSchemeHttps))
        {
            errors["logoUrl"] = ["Use an https address for your logo, or leave it empty."];
        }

        if (string.IsNullOrWhiteSpace(b.Email) || !EmailPattern().IsMatch(b.Email.Trim()))
        {
            errors["email"] = ["Enter the email address customers can reach you at."];
        }

        if (PhoneNumbers.ToE164(b.Phone) is null)
        {
            errors["phone"] = ["Enter the business phone number, e.g. (918) 555-0100."];
        }

        if (b.Address is { Length: > 500 })
        {
            errors["address"] = ["The address can be at most 500 characters."];
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

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex ColorPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
