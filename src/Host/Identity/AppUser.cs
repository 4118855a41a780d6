using Microsoft.AspNetCore.Identity;

namespace ServicePro.Host.Identity;

/// <summary>
/// A sign-in identity. Global rather than per tenant because one person can work for several businesses;
/// what they may do in each is their <see cref="StaffMembership"/> there (docs/decisions/0005-identity.md).
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>Platform operators run the platform itself: tenants, flags, plugins.</summary>
    public bool IsPlatformOperator { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
