using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServicePro.Host.Admin;
using ServicePro.Host.Identity;

namespace ServicePro.Host.Identity.Pages;

/// <summary>Signs out (POST from the header's button); a GET just goes to the sign-in form.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<AppUser> signIn) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    public IActionResult OnGet() => RedirectToPage("/Identity/Pages/SignIn");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        Notice = "You have signed out.";
        return RedirectToPage("/Identity/Pages/SignIn");
    }
}
