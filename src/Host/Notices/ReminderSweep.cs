using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePro.Abstractions;
using ServicePro.Host.Bookings;
using ServicePro.Host.Persistence;


namespace ServicePro.Host.Notices;

/// <summary>
/// Finds the current tenant's bookings whose reminder is due and sends each one. The rules:
/// <list type="bullet">
/// <item>A pending or confirmed booking gets one reminder per start time, once its start is within
/// <see cref="NoticeOptions.ReminderLeadHours"/> (24 h). Rescheduled, it gets a fresh one for the new time;
/// cancelled (or completed, or a no-show), none.</item>
/// <item>Nothing is sent once the booking has started: a late run finds nothing, and a send that comes too
/// late anyway (a retry) is recorded as skipped.</item>
/// <item>A booking made less than <see cref="NoticeOptions.ReminderMinimumBookedAheadHours"/> (2 h) before its
/// start gets no reminder (recorded as skipped, so the owner sees why).</item>
/// </list>
/// It also marks notices a stopped process left "sending" (<see cref="BookingNotices.MarkAbandonedAsync"/>).
/// Safe to run any number of times, at once or not: <see cref="BookingNotices"/> sends each notice once.
/// </summary>
public sealed class ReminderSweep(
    ServiceProDbContext db,
    BookingNotices notices,
    NoticeRetries retries,
    IOptions<NoticeOptions> options,
    TimeProvider clock,
    ILogger<ReminderSweep> logger)
{
    /// <returns>How many reminders were sent.</returns>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await notices.MarkAbandonedAsync(ct);
        var due = await DueAsync(ct);
        var sent = 0;
        foreach (var (bookingId, startsAt) in due)
        {
            var outcome = await notices.SendAsync(new NoticeRequest(bookingId, MessageMoments.Reminder) { ForStartsAt = startsAt }, ct);
            if (outcome.Result == NoticeResult.Sent)
            {
                sent++;
            }
            else if (outcome is { Result: NoticeResult.Failed, Retriable: true })
            {
                retries.Schedule(db.CurrentTenantId, bookingId, MessageMoments.Reminder, startsAt);
            }
        }

        if (due.Count > 0)
        {
            logger.LogInformation("Reminder sweep for tenant {TenantId}: {Due} due, {Sent} sent", db.CurrentTenantId, due.Count, sent);
        }

        return sent;
    }

    /// <summary>One query: active bookings starting within the lead time that have no reminder for their current start.</summary>
    private async Task<List<(Guid BookingId, DateTimeOffset StartsAt)>> DueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var horizon = now + options.Value.ReminderLead;
        var notices = db.BookingNotices;
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed) && b.StartsAt > now && b.StartsAt <= horizon)
            .Where(b => !notices.Any(n => n.BookingId == b.Id && n.Kind == MessageMoments.Reminder && n.ForStartsAt == b.StartsAt))
            .OrderBy(b => b.StartsAt)
            .Select(b => new { b.Id, b.StartsAt })
            .ToListAsync(ct);
        return rows.Select(r => (r.Id, r.StartsAt)).ToList();
    }
}
