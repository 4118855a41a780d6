using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Catalog;
using ServicePro.Host.Features;
using ServicePro.Host.Identity;
using ServicePro.Host.Onboarding;
using ServicePro.Host.Persistence;
using ServicePro.Host.Plugins;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Admin.Pages;

/// <summary>The tenant staff's dashboard: the brand, the services and the feature flags.</summary>
[Authorize(Policy = Policies.TenantMember)]
[RedirectOnPlatform("/admin/platform/tenants")]
public sealed class IndexModel(
    ITenantContext tenantContext, ServiceProDbContext db, TenantFlagStore flags, StaffDirectory staff, PluginCatalog plugins,
    OnboardingWizard wizard, IAuthorizationService authorization, SignInLockouts lockouts, TimeProvider clock) : PageModel
{
    public TenantInfo Tenant { get; private set; } = null!;

    public BrandPalette Palette { get; private set; } = BrandPalette.Platform;

    public string IndustryName { get; private set; } = "";

    public string? Role { get; private set; }

    public IReadOnlyList<TenantService> Services { get; private set; } = [];

    /// <summary>The top of the price scale every service's bar is drawn against.</summary>
    public decimal PriceScale { get; private set; }

    public IReadOnlyList<KeyValuePair<string, bool>> Flags { get; private set; } = [];

    /// <summary>The setup wizard's progress, for owners and admins while the business isn't live yet.</summary>
    public OnboardingView? Setup { get; private set; }

    /// <summary>Sign-in lockouts in the last 7 days, for owners and admins (null for others): the person locked out is not told why.</summary>
    public int? LockoutsThisWeek { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (tenantContext.Tenant is not { } tenant)
        {
            return RedirectToPage("/Platform/Pages/Tenants");
        }

        Tenant = tenant;
        Palette = BrandPalette.For(tenant);
        IndustryName = AdminFormat.Industry(plugins, tenant.Industry);
        if (Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && await staff.FindMembershipAsync(userId, ct) is { } membership)
        {
            Role = SnakeCaseEnum.ToName(membership.Role);
        }

        Services = await db.Services.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name).ToListAsync(ct);
        PriceScale = Services.Count == 0 ? 0 : Services.Max(s => Math.Max(s.PriceMin, s.PriceMax));
        var effective = await flags.GetAsync(tenant, ct);
        Flags = PlatformFlags.Defaults.Keys.Select(k => KeyValuePair.Create(k, effective.GetValueOrDefault(k))).ToList();
        var isAdmin = (await authorization.AuthorizeAsync(User, Policies.TenantAdmin)).Succeeded;
        if (tenant.Status != TenantStatus.Active && isAdmin)
        {
            Setup = await wizard.GetAsync(ct);
        }

        if (isAdmin)
        {
            LockoutsThisWeek = await lockouts.CountSinceAsync(clock.GetUtcNow().AddDays(-7), ct);
        }

        return Page();
    }

    /// <summary>Where a service's price range starts and how wide it is, as percentages of the common scale.</summary>
    public (string Left, string Width) Bar(TenantService service)
    {
        if (PriceScale <= 0)
        {
            return ("0%", "0%");
        }

        var min = (double)(Math.Min(service.PriceMin, service.PriceMax) / PriceScale) * 100;
        var max = (double)(Math.Max(service.PriceMin, service.PriceMax) / PriceScale) * 100;
        return (AdminFormat.Percent(min), AdminFormat.Percent(max - min));
    }
}
