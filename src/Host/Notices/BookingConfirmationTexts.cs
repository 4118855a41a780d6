using ServicePro.Abstractions;
using ServicePro.Host.Bookings;
using ServicePro.Host.Events;
using ServicePro.Host.Persistence;


namespace ServicePro.Host.Notices;

/// <summary>
/// Texts the customer when a booking is confirmed — at once for staff bookings (created confirmed), or when the
/// business confirms a pending one. A subscriber to booking events: the notice row keeps a redelivered event from
/// texting twice.
/// </summary>
public sealed class BookingConfirmationTexts(BookingNotices notices, NoticeRetries retries, ServiceProDbContext db) : IDomainEventHandler
{
    public async Task HandleAsync(DomainEvent domainEvent, CancellationToken ct)
    {
        var confirmedNow = domainEvent.Type == DomainEventTypes.BookingConfirmed
                           || (domainEvent.Type == DomainEventTypes.BookingCreated && domainEvent.Data.GetValueOrDefault("status") == "confirmed");
        if (!confirmedNow || !Guid.TryParse(domainEvent.EntityId, out var bookingId))
        {
            return;
        }

        var outcome = await notices.SendAsync(new NoticeRequest(bookingId, MessageMoments.BookingConfirmation), ct);
        if (outcome is { Result: NoticeResult.Failed, Retriable: true, Notice: { } notice })
        {
            retries.Schedule(db.CurrentTenantId, bookingId, MessageMoments.BookingConfirmation, notice.ForStartsAt);
        }
    }
}
