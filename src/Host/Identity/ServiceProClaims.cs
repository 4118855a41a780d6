using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ServicePro.Host.Identity;

public static class ServiceProClaims
{
    public const string Operator = "sp:operator";
    public const string Actor = "sp:actor";

    /// <summary>Who to name in the audit log for this principal.</summary>
    public static string ActorOf(ClaimsPrincipal? user) =>
        user?.FindFirstValue(Actor) ?? (user?.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? "user:" + id : "anonymous");

    public static bool IsOperator(ClaimsPrincipal user) => user.HasClaim(Operator, "true");
}

/// <summary>Adds the operator and audit-actor claims to a signed-in user's cookie.</summary>
public sealed class ServiceProClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ServiceProClaims.Actor, (user.IsPlatformOperator ? "operator:" : "user:") + user.Id));
        identity.AddClaim(new Claim("display_name", user.DisplayName));
        if (user.IsPlatformOperator)
        {
            identity.AddClaim(new Claim(ServiceProClaims.Operator, "true"));
        }

        return identity;
    }
}
