using System.Security.Claims;
using ServicePro.Host.Auditing;
using ServicePro.Host.Persistence;
using ServicePro.Host.Technicians;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Calendar;

/// <summary>
/// Issues and revokes technicians' feed addresses, for the API and the admin page alike. Issuing replaces any
/// earlier address, so a leaked link is fixed by issuing a new one.
/// </summary>
public sealed class CalendarFeedLinks(
    ServiceProDbContext db, ITenantContext tenantContext, TenantAddresses addresses, TimeProvider clock)
{
    /// <summary>Owners and admins manage every technician's feed; a technician who signs in manages their own.</summary>
    public Task<bool> MayManageAsync(ClaimsPrincipal user, Technician technician, CancellationToken ct) =>
        TechnicianAccess.MayActForAsync(db, user, technician, ct);

    /// <summary>A new secret address for the technician (tracked by this context); the old one stops working.</summary>
    public async Task<CalendarFeedLink> IssueAsync(Technician technician, string actor, CancellationToken ct)
    {
        var (token, hash) = CalendarFeedTokens.Issue();
        technician.CalendarFeedTokenHash = hash;
        technician.UpdatedAt = clock.GetUtcNow();
        db.AuditLog.Add(AuditEntry.Create(clock, actor, "technician.calendar_feed_created", "technician", technician.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return new CalendarFeedLink($"https://{HostName}/calendar/{token}.ics");
    }

    /// <summary>Turns the technician's feed off; nothing to do when it is already off.</summary>
    public async Task RevokeAsync(Technician technician, string actor, CancellationToken ct)
    {
        if (technician.CalendarFeedTokenHash is null)
        {
            return;
        }

        technician.CalendarFeedTokenHash = null;
        technician.UpdatedAt = clock.GetUtcNow();
        db.AuditLog.Add(AuditEntry.Create(clock, actor, "technician.calendar_feed_revoked", "technician", technician.Id.ToString()));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The business's own host name (its domain, or its subdomain of the platform), where feeds are served.</summary>
    public string HostName => addresses.HostName(tenantContext.Tenant!);
}
