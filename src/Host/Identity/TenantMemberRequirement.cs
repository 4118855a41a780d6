using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Identity;

/// <summary>The signed-in user works for the request's tenant in at least <see cref="MinimumRole"/>.</summary>
public sealed record TenantMemberRequirement(StaffRole MinimumRole) : IAuthorizationRequirement;

public sealed class TenantMemberHandler(IHttpContextAccessor accessor) : AuthorizationHandler<TenantMemberRequirement>
{
    private const string MembershipKey = "sp:membership";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantMemberRequirement requirement)
    {
        var http = context.Resource as HttpContext ?? accessor.HttpContext;
        if (http is null
            || http.RequestServices.GetRequiredService<ITenantContext>().Tenant is null
            || !Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return;
        }

        if (!http.Items.TryGetValue(MembershipKey, out var cached))
        {
            var db = http.RequestServices.GetRequiredService<ServiceProDbContext>();
            // A staff request goes on to read and write the tenant's data: the connection opened here, with the tenant
            // set on it, stays open for the rest of the request (the request's DbContext closes it) instead of being
            // opened, and the tenant set again, for every statement that follows.
            await db.Database.OpenConnectionAsync(http.RequestAborted);
            cached = await StaffDirectory.FindMembershipAsync(db, userId, http.RequestAborted);
            http.Items[MembershipKey] = cached;
        }

        if (cached is StaffMembership membership && membership.Role <= requirement.MinimumRole)
        {
            context.Succeed(requirement);
        }
    }
}
