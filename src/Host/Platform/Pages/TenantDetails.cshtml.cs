using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServicePro.Host.Admin;
using ServicePro.Host.Features;
using ServicePro.Host.Identity;
using ServicePro.Host.Plugins;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Platform.Pages;

/// <summary>One tenant for operators: its details, status and the feature flags editor.</summary>
[Authorize(Policy = Policies.PlatformOperator)]
public sealed class TenantDetailsModel(TenantAdministration admin, PluginCatalog plugins) : PlatformPageModel
{
    [BindProperty(SupportsGet = true)]
    public string Slug { get; set; } = "";

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public Tenant? Tenant { get; private set; }

    public string IndustryName => Tenant is null ? "" : AdminFormat.Industry(plugins, Tenant.Industry);

    /// <summary>Effective values of every platform flag, in the platform's order.</summary>
    public IReadOnlyList<KeyValuePair<string, bool>> Flags { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Tenant = await admin.FindAsync(Slug, ct);
        if (Tenant is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (Tenant.Status != TenantStatus.Deleted)
        {
            var effective = await admin.FlagsAsync(Tenant, ct);
            Flags = PlatformFlags.Defaults.Keys.Select(k => KeyValuePair.Create(k, effective.GetValueOrDefault(k))).ToList();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostFlagAsync(string? flag, bool enabled, CancellationToken ct)
    {
        if (flag is null || !PlatformFlags.IsKnown(flag))
        {
            Problem = $"Unknown flag '{flag}'.";
            return RedirectToPage(new { slug = Slug });
        }

        if (await admin.FindAsync(Slug, ct) is not { Status: not TenantStatus.Deleted } tenant)
        {
            Problem = $"There is no tenant '{Slug}'.";
            return RedirectToPage(new { slug = Slug });
        }

        await admin.SetFlagAsync(tenant, flag, enabled, ServiceProClaims.ActorOf(User), ct);
        Notice = $"{AdminFormat.FlagLabel(flag)} ({flag}) is now {(enabled ? "on" : "off")} for {tenant.Slug}.";
        return RedirectToPage(null, null, new { slug = Slug }, "flag-" + flag);
    }

    public Task<IActionResult> OnPostSuspendAsync(CancellationToken ct) => ChangeStatusAsync(suspend: true, ct);

    public Task<IActionResult> OnPostReactivateAsync(CancellationToken ct) => ChangeStatusAsync(suspend: false, ct);

    private async Task<IActionResult> ChangeStatusAsync(bool suspend, CancellationToken ct)
    {
        (Notice, Problem) = await TenantStatusChange.ApplyAsync(admin, Slug, suspend, ServiceProClaims.ActorOf(User), ct);
        return RedirectToPage(new { slug = Slug });
    }
}
