using Microsoft.AspNetCore.Mvc;
using ServicePro.Host.Admin;
using ServicePro.Host.Onboarding;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Onboarding.Pages;

/// <summary>One weekday's hours as the form sends them.</summary>
public sealed class DayHoursInput
{
    public string? Open { get; set; }
    public string? Close { get; set; }
    public bool Closed { get; set; }
}

/// <summary>Step 1: brand, colors, logo, contact, time zone, service area and hours.</summary>
public sealed class BusinessBasicsModel(OnboardingWizard wizard) : WizardStepModel(wizard)
{
    /// <summary>The service's error keys by form field id.</summary>
    private static readonly Dictionary<string, string> FieldIds = new(StringComparer.Ordinal)
    {
        ["brandName"] = nameof(BrandName),
        ["primaryColor"] = nameof(PrimaryColor),
        ["secondaryColor"] = nameof(SecondaryColor),
        ["logoUrl"] = nameof(LogoUrl),
        ["email"] = nameof(Email),
        ["phone"] = nameof(Phone),
        ["address"] = nameof(Address),
        ["timezone"] = nameof(Timezone),
        ["serviceArea.center"] = nameof(Latitude),
        ["serviceArea.radiusMiles"] = nameof(RadiusMiles),
        ["businessHours"] = "Hours",
    };

    public override string StepKey => OnboardingSteps.BusinessBasics;

    [BindProperty]
    public string? BrandName { get; set; }

    [BindProperty]
    public string? PrimaryColor { get; set; }

    [BindProperty]
    public string? SecondaryColor { get; set; }

    [BindProperty]
    public string? LogoUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? Timezone { get; set; }

    [BindProperty]
    public string? Latitude { get; set; }

    [BindProperty]
    public string? Longitude { get; set; }

    [BindProperty]
    public string? RadiusMiles { get; set; }

    [BindProperty]
    public Dictionary<string, DayHoursInput> Hours { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The common US zones, plus the business's own when it is another one.</summary>
    public IReadOnlyList<(string Id, string Label)> TimeZones =>
        Timezone is { Length: > 0 } current && OnboardingFormat.UsTimeZones.All(z => z.Id != current)
            ? [(current, current), .. OnboardingFormat.UsTimeZones]
            : OnboardingFormat.UsTimeZones;

    public DayHoursInput HoursOf(string day) => Hours.GetValueOrDefault(day) ?? new DayHoursInput { Closed = true };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var basics = await Wizard.GetBasicsAsync(ct);
        BrandName = basics.BrandName;
        PrimaryColor = BrandPalette.Normalize(basics.PrimaryColor) ?? basics.PrimaryColor;
        SecondaryColor = BrandPalette.Normalize(basics.SecondaryColor) ?? basics.SecondaryColor;
        LogoUrl = basics.LogoUrl;
        Email = basics.Email;
        Phone = basics.Phone;
        Address = basics.Address;
        Timezone = basics.Timezone;
        Latitude = OnboardingFormat.Number(basics.ServiceArea?.Latitude);
        Longitude = OnboardingFormat.Number(basics.ServiceArea?.Longitude);
        RadiusMiles = OnboardingFormat.Number(basics.ServiceArea?.RadiusMiles is { } r ? Math.Round(r, 1) : null);
        Hours = BusinessDay.Weekdays.ToDictionary(d => d, d => basics.BusinessHours?.GetValueOrDefault(d) is { } h
            ? new DayHoursInput { Open = h.Start, Close = h.End, Closed = h.Closed }
            : new DayHoursInput { Open = "09:00", Close = "17:00", Closed = true }, StringComparer.Ordinal);
        await LoadOnboardingAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var hours = BusinessDay.Weekdays.ToDictionary(d => d, d =>
        {
            var h = HoursOf(d);
            return new BusinessDay(h.Open?.Trim() ?? "", h.Close?.Trim() ?? "", h.Closed);
        });
        var basics = new BusinessBasics(BrandName, PrimaryColor?.Trim(), SecondaryColor?.Trim(), LogoUrl, Email, Phone, Address, Timezone,
            new ServiceAreaInput(OnboardingFormat.ParseNumber(Latitude), OnboardingFormat.ParseNumber(Longitude), OnboardingFormat.ParseNumber(RadiusMiles)),
            hours);
        var result = await Wizard.SaveBasicsAsync(basics, Actor, ct);
        if (result.Outcome == WizardOutcome.Done)
        {
            return GoToNext("Saved your business basics.");
        }

        AddErrors(result.Errors, key => FieldIds.GetValueOrDefault(key)
            ?? (key.StartsWith("businessHours.", StringComparison.Ordinal) ? "Hours-" + key["businessHours.".Length..] + "-Open" : key));
        await LoadOnboardingAsync(ct);
        return Page();
    }
}
