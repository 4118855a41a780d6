using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ServicePro.Abstractions;
using ServicePro.Host.Admin;
using ServicePro.Host.Hosting;
using ServicePro.Host.Onboarding;
using ServicePro.Host.Plugins;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.SignUp.Pages;

/// <summary>A business opens its own account on the platform's address, then continues at its own.</summary>
[EnableRateLimiting(RateLimiting.SignIn)]
[FormsContinueAtTenantAddresses]
public sealed class SignUpModel(BusinessSignUp signUp, ITenantContext tenant, PluginCatalog plugins, TenantAddresses addresses) : PageModel
{
    [BindProperty]
    public string? BusinessName { get; set; }

    [BindProperty]
    public string? Slug { get; set; }

    [BindProperty]
    public string? Industry { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    /// <summary>Bound but never written back into the form.</summary>
    [BindProperty]
    public string? Password { get; set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public string BaseDomain => addresses.BaseDomain;

    /// <summary>The trades to pick from, the generic one last.</summary>
    public IReadOnlyList<IIndustryPack> Packs =>
        plugins.IndustryPacks.Values.OrderBy(p => p.Slug == "custom").ThenBy(p => p.Name, StringComparer.Ordinal).ToList();

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public IActionResult OnGet() => Offered() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Offered())
        {
            return NotFound();
        }

        var result = await signUp.CreateAsync(new SignUpRequest(BusinessName, Slug, Industry, Email, Password, null), Request, ct);
        if (result.SignInUrl is { } next)
        {
            return Redirect(next.ToString());
        }

        Errors = result.Created.Errors ?? new() { ["slug"] = [result.Created.ConflictReason ?? "That address is taken."] };
        return Page();
    }

    private bool Offered() => signUp.Enabled && tenant.Tenant is null;
}
