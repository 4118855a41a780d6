using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Admin;
using ServicePro.Host.Calendar;
using ServicePro.Host.Persistence;
using ServicePro.Host.Technicians;

namespace ServicePro.Host.Calendar.Pages;

/// <summary>
/// A technician's calendar-app subscription: create, replace or turn off the secret feed address. The address is
/// on the page only in the answer that created it; afterwards the business itself cannot read it back.
/// </summary>
public sealed class FeedModel(ServiceProDbContext db, CalendarFeedLinks links, TimeProvider clock) : CalendarPageModel
{
    public DateOnly Today => TodayAt(clock.GetUtcNow());

    public Technician Technician { get; private set; } = null!;

    /// <summary>Whether this person may change the feed (owners, admins, the technician themselves).</summary>
    public bool MayManage { get; private set; }

    /// <summary>The address just created, shown once.</summary>
    public CalendarFeedLink? NewLink { get; private set; }

    public bool IsOn => Technician.CalendarFeedTokenHash is not null;

    /// <summary>The same address for apps that subscribe on a click (webcal is how they recognise a feed).</summary>
    public string? WebcalUrl => NewLink is null ? null : "webcal://" + NewLink.Url["https://".Length..];

    public async Task<IActionResult> OnGetAsync(Guid technicianId, CancellationToken ct) =>
        await LoadAsync(technicianId, ct) is { } missing ? missing : Page();

    public async Task<IActionResult> OnPostCreateAsync(Guid technicianId, CancellationToken ct)
    {
        if (await LoadAsync(technicianId, ct) is { } refused)
        {
            return refused;
        }

        NewLink = await links.IssueAsync(Technician, Actor, ct);
        // No redirect: the address must not travel through a cookie or a later page, so this answer is the only one
        // with it; and no browser cache keeps it for the back button.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid technicianId, CancellationToken ct)
    {
        if (await LoadAsync(technicianId, ct) is { } refused)
        {
            return refused;
        }

        await links.RevokeAsync(Technician, Actor, ct);
        Notice = $"Turned off {Technician.Name}'s calendar feed. Calendar apps subscribed to it stop updating.";
        return Redirect(Url.Page("/Calendar/Pages/Feed", new { technicianId })!);
    }

    /// <returns>null when the page may go on; otherwise what to answer instead.</returns>
    private async Task<IActionResult?> LoadAsync(Guid technicianId, CancellationToken ct)
    {
        if (await db.Technicians.FirstOrDefaultAsync(t => t.Id == technicianId, ct) is not { } technician)
        {
            return NotFound();
        }

        Technician = technician;
        MayManage = await links.MayManageAsync(User, technician, ct);
        if (!MayManage)
        {
            // The page still explains who can; it just offers nothing to press.
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return HttpMethods.IsGet(Request.Method) ? null : Page();
        }

        return null;
    }
}
