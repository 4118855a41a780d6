using ServicePro.Host.Bookings;
using ServicePro.Host.Persistence;


namespace ServicePro.Host.Notices;

public enum NoticeStatus
{
    /// <summary>Claimed by a job that is sending it; nobody else will.</summary>
    Sending,
    Sent,

    /// <summary>Not sent, on purpose (too late, no consent, no channel); <see cref="BookingNotice.Detail"/> says why.</summary>
    Skipped,
    Failed,

    /// <summary>
    /// Left "sending" by a process that stopped before it learned how the send went: it may or may not have reached
    /// the customer. Never sent again on its own (that could be twice); staff may send it again.
    /// </summary>
    Unknown,
}

/// <summary>
/// One message about one booking at one start time (a reminder, an on-my-way). The row is written before the
/// message is sent and is unique per (booking, kind, start), so a repeated or late job never sends twice.
/// </summary>
public sealed class BookingNotice : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid BookingId { get; set; }

    /// <summary>A MessageMoments value ("reminder", "on_my_way", "weather_reschedule").</summary>
    public required string Kind { get; set; }

    /// <summary>The booking's start when the notice was made: a rescheduled booking gets a fresh reminder.</summary>
    public DateTimeOffset ForStartsAt { get; set; }

    public NoticeStatus Status { get; set; }
    public string? Channel { get; set; }
    public string? Recipient { get; set; }
    public string? Body { get; set; }
    public string? ProviderMessageId { get; set; }
    public string? Detail { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a sender last took it (made it, or took a failed one back): a notice still sending long after
    /// that was abandoned (<see cref="NoticeStatus.Unknown"/>).</summary>
    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}
