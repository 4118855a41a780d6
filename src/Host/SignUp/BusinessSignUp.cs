using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using ServicePro.Host.Tenancy;
using ServicePro.Host.Validation;

namespace ServicePro.Host.SignUp;

/// <summary>What a business owner fills in to open an account.</summary>
public sealed record SignUpRequest(
    [Required(ErrorMessage = "Enter your business's name."), Text(TextRules.Name)] string? BusinessName,
    [Required(ErrorMessage = "Choose the address your business will have."), Slug] string? Slug,
    [Required(ErrorMessage = "Choose your trade."), Text(64)] string? Industry,
    [Required(ErrorMessage = "Enter the e-mail address you'll sign in with."), Email] string? Email,
    [Required(ErrorMessage = "Choose a password of at least 10 characters."), Text(TextRules.Password)] string? Password,
    [Text(64)] string? Timezone);

/// <summary>Where the new business's owner goes next: its own address, signed in, to the setup wizard.</summary>
public sealed record SignUpResult(CreateTenantResult Created, Uri? SignInUrl);

/// <summary>
/// Self-service sign-up: a business creates its own tenant (status onboarding, on the pack it picked) and
/// its owner account, then continues at its own address. Off with <c>ServicePro:SignUp:Enabled = false</c>,
/// when only operators create tenants.
/// </summary>
public sealed class BusinessSignUp(TenantAdministration tenants, TenantAddresses addresses, IOptions<SignUpOptions> options)
{
    public bool Enabled => options.Value.Enabled;

    public async Task<SignUpResult> CreateAsync(SignUpRequest request, HttpRequest http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!EmailRules.IsValid(request.Email))
        {
            errors["email"] = ["Enter the email address you'll sign in with."];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["Choose a password of at least 10 characters."];
        }

        if (errors.Count > 0)
        {
            return new SignUpResult(CreateTenantResult.Invalid(errors), null);
        }

        var created = await tenants.CreateAsync(
            new CreateTenantRequest(request.Slug?.Trim().ToLowerInvariant(), request.BusinessName?.Trim(), null, request.Industry,
                Timezone: string.IsNullOrWhiteSpace(request.Timezone) ? null : request.Timezone, Email: request.Email!.Trim(),
                Owner: new NewOwner(request.Email!.Trim(), request.Password!, null)),
            "signup", ct);
        if (created.Tenant is not { } tenant)
        {
            // Field names of the owner's account, as the sign-up form calls them.
            var renamed = created.Errors?.ToDictionary(e => e.Key == "name" ? "businessName" : e.Key.Replace("owner.", "", StringComparison.Ordinal), e => e.Value);
            return new SignUpResult(created with { Errors = renamed }, null);
        }

        return new SignUpResult(created, SignInUrl(tenant, http));
    }

    /// <summary>The tenant's own sign-in page, same scheme and port as this request, leading on to the wizard.</summary>
    private Uri SignInUrl(Tenant tenant, HttpRequest http)
    {
        var host = addresses.HostName(tenant);
        var port = http.Host.Port is { } p ? $":{p}" : "";
        var email = Uri.EscapeDataString(tenant.Email ?? "");
        return new Uri($"{http.Scheme}://{host}{port}/admin/sign-in?email={email}&welcome=true&returnUrl=%2Fadmin%2Fonboarding");
    }
}

/// <summary>The section <c>ServicePro:SignUp</c>.</summary>
public sealed class SignUpOptions
{
    public const string Section = "ServicePro:SignUp";

    /// <summary>Businesses may open their own account at /signup; otherwise only operators create tenants.</summary>
    public bool Enabled { get; set; } = true;
}
