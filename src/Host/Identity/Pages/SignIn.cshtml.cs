using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ServicePro.Host.Admin;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Identity.Pages;

/// <summary>
/// The sign-in form. On a tenant's address only that tenant's staff get in; on the platform's address only
/// operators (<see cref="PasswordSignIn"/> decides).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimiting.SignIn)]
public sealed class SignInModel(
    ITenantContext tenant, PasswordSignIn signIn, SignUp.BusinessSignUp signUp) : PageModel
{
    public bool SignUpOffered => signUp.Enabled;

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    /// <summary>Set when a new business's owner arrives straight from sign-up.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Welcome { get; set; }

    /// <summary>Bound but never written back into the form.</summary>
    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>Why the last attempt failed, for the alert above the form.</summary>
    public string? Error { get; private set; }

    public string? EmailError { get; private set; }

    public string? PasswordError { get; private set; }

    public TenantInfo? Tenant => tenant.Tenant;

    /// <summary>Who may sign in at this address.</summary>
    public string Audience => Tenant is null
        ? "Platform operators sign in here to manage tenants and plugins."
        : $"Staff of {Tenant.BrandName} sign in here.";

    /// <summary>Shown when a signed-in person was sent here because their account cannot open a page.</summary>
    public string? WrongAccount { get; private set; }

    public void OnGet()
    {
        if (User.Identity?.IsAuthenticated == true && ReturnUrl is not null)
        {
            WrongAccount = $"You are signed in as {User.Identity.Name}, which cannot open that page here. Sign in with another account.";
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Email = Email?.Trim();
        if (string.IsNullOrEmpty(Email))
        {
            EmailError = "Enter your email address.";
        }

        if (string.IsNullOrEmpty(Password))
        {
            PasswordError = "Enter your password.";
        }

        if (EmailError is not null || PasswordError is not null)
        {
            Error = "Enter your email and password.";
            return Page();
        }

        var outcome = await signIn.SignInAsync(Email!, Password!, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        Error = outcome == SignInOutcome.SignedIn ? null : PasswordSignIn.RefusedDetail;
        if (Error is not null)
        {
            return Page();
        }

        if (ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl)
            && ReturnUrl.StartsWith(Request.PathBase + "/admin", StringComparison.OrdinalIgnoreCase))
        {
            return LocalRedirect(ReturnUrl);
        }

        return Tenant is null ? RedirectToPage("/Platform/Pages/Tenants") : RedirectToPage("/Admin/Pages/Index");
    }
}
