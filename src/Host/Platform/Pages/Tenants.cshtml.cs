using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServicePro.Abstractions;
using ServicePro.Host.Admin;
using ServicePro.Host.Identity;
using ServicePro.Host.Plugins;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Platform.Pages;

/// <summary>The operators' tenant list: create a tenant, suspend or reactivate one.</summary>
[Authorize(Policy = Policies.PlatformOperator)]
public sealed class TenantsModel(TenantAdministration admin, PluginCatalog plugins) : PlatformPageModel
{
    /// <summary>Validation keys from <see cref="TenantAdministration.Validate"/> and the owner's sign-in, by form field id.</summary>
    private static readonly Dictionary<string, string> FieldIds = new(StringComparer.Ordinal)
    {
        ["slug"] = nameof(Slug),
        ["name"] = nameof(Name),
        ["brandName"] = nameof(BrandName),
        ["industry"] = nameof(Industry),
        ["customDomain"] = nameof(CustomDomain),
        ["owner.email"] = nameof(OwnerEmail),
        ["owner.password"] = nameof(OwnerPassword),
    };

    [BindProperty]
    public string? Slug { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? BrandName { get; set; }

    [BindProperty]
    public string? Industry { get; set; }

    [BindProperty]
    public string? CustomDomain { get; set; }

    [BindProperty]
    public string? OwnerEmail { get; set; }

    /// <summary>Bound but never written back into the form.</summary>
    [BindProperty]
    public string? OwnerPassword { get; set; }

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public IReadOnlyList<Tenant> Tenants { get; private set; } = [];

    /// <summary>Field errors by form field id (e.g. "Slug"); errors for fields the form lacks are under their API name.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public IEnumerable<IIndustryPack> Packs => plugins.IndustryPacks.Values.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase);

    public string IndustryName(string slug) => AdminFormat.Industry(plugins, slug);

    public string? ErrorFor(string fieldId) => Errors.GetValueOrDefault(fieldId);

    /// <summary>aria-describedby for a field: its hint (if any) and its error (if any).</summary>
    public string? DescribedBy(string fieldId, bool hasHint = false)
    {
        var ids = new List<string>();
        if (hasHint)
        {
            ids.Add(fieldId + "-hint");
        }

        if (Errors.ContainsKey(fieldId))
        {
            ids.Add(fieldId + "-error");
        }

        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    public async Task OnGetAsync(CancellationToken ct) => Tenants = await admin.ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var owner = OwnerEmail is not null || OwnerPassword is not null
            ? new NewOwner(OwnerEmail?.Trim() ?? "", OwnerPassword ?? "", null)
            : null;
        var request = new CreateTenantRequest(Slug?.Trim(), Name?.Trim(), BrandName?.Trim(), Industry, CustomDomain?.Trim(), Owner: owner);
        var result = await admin.CreateAsync(request, ServiceProClaims.ActorOf(User), ct);
        if (result.Tenant is { } tenant)
        {
            Notice = $"Created {tenant.Slug} ({tenant.BrandName}) on {IndustryName(tenant.Industry)}.";
            return RedirectToPage();
        }

        foreach (var (field, messages) in result.Errors ?? new() { ["slug"] = [result.ConflictReason!] })
        {
            Errors[FieldIds.GetValueOrDefault(field, field)] = string.Join(" ", messages);
        }

        Tenants = await admin.ListAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostSuspendAsync(string slug, CancellationToken ct) =>
        ChangeStatusAsync(slug, suspend: true, ct);

    public Task<IActionResult> OnPostReactivateAsync(string slug, CancellationToken ct) =>
        ChangeStatusAsync(slug, suspend: false, ct);

    private async Task<IActionResult> ChangeStatusAsync(string slug, bool suspend, CancellationToken ct)
    {
        (Notice, Problem) = await TenantStatusChange.ApplyAsync(admin, slug, suspend, ServiceProClaims.ActorOf(User), ct);
        return RedirectToPage();
    }
}

/// <summary>Suspend and reactivate, shared by the tenant list and a tenant's page.</summary>
public static class TenantStatusChange
{
    /// <returns>A notice on success, or a problem.</returns>
    public static async Task<(string? Notice, string? Problem)> ApplyAsync(
        TenantAdministration admin, string? slug, bool suspend, string actor, CancellationToken ct)
    {
        var changed = string.IsNullOrWhiteSpace(slug) ? null
            : suspend ? await admin.SuspendAsync(slug, actor, ct)
            : await admin.ReactivateAsync(slug, actor, ct);
        return changed is null
            ? (null, $"There is no tenant '{slug}'.")
            : ($"{(suspend ? "Suspended" : "Reactivated")} {changed.Slug}: it is now {AdminFormat.Status(changed.Status)}.", null);
    }
}
