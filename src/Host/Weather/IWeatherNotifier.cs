using ServicePro.Abstractions;
using ServicePro.Host.Bookings;
using ServicePro.Host.Notices;
using ServicePro.Host.Persistence;


namespace ServicePro.Host.Weather;

/// <summary>A weather warning for one booking at one start, with the times proposed instead.</summary>
public sealed record WeatherNotice(Guid BookingId, DateTimeOffset ForStartsAt, string Reason, IReadOnlyList<AlternativeSlot> Alternatives);

/// <summary>Whether the customer was told; when not, why, in words for the business owner.</summary>
public sealed record WeatherNoticeOutcome(bool Sent, string? WhyNot)
{
    public static WeatherNoticeOutcome Delivered { get; } = new(true, null);

    public static WeatherNoticeOutcome NotSent(string whyNot) => new(false, whyNot);
}

/// <summary>
/// Tells a customer that the weather puts their booking at risk, with the pack's "weather_reschedule" message
/// (<see cref="Abstractions.MessageMoments.WeatherReschedule"/>), through the business's message channel. The
/// sender must send at most once per booking start, so asking again is safe.
/// </summary>
public interface IWeatherNotifier
{
    Task<WeatherNoticeOutcome> NotifyAsync(WeatherNotice notice, CancellationToken ct);
}

/// <summary>Sends the weather notice as a booking notice: once per booking start, through the business's SMS channel.</summary>
public sealed class TextWeatherNotifier(BookingNotices notices, NoticeRetries retries, ServiceProDbContext db) : IWeatherNotifier
{
    public async Task<WeatherNoticeOutcome> NotifyAsync(WeatherNotice notice, CancellationToken ct)
    {
        var outcome = await notices.SendAsync(
            new NoticeRequest(notice.BookingId, MessageMoments.WeatherReschedule) { ForStartsAt = notice.ForStartsAt, WeatherReason = notice.Reason, AskedByStaff = true },
            ct);
        switch (outcome)
        {
            case { Result: NoticeResult.Sent }:
            case { Result: NoticeResult.AlreadyHandled, Notice.Status: NoticeStatus.Sent }:
                return WeatherNoticeOutcome.Delivered;
            case { Result: NoticeResult.Failed, Retriable: true, Notice: { } failed }:
                retries.Schedule(db.CurrentTenantId, notice.BookingId, MessageMoments.WeatherReschedule, failed.ForStartsAt);
                return WeatherNoticeOutcome.NotSent(failed.Detail ?? "The text could not be sent yet; we'll try again shortly.");
            case { Notice.Detail: { } detail }:
                return WeatherNoticeOutcome.NotSent(detail);
            case { Result: NoticeResult.AlreadyHandled }:
                return WeatherNoticeOutcome.NotSent("The text is being sent right now.");
            default:
                return WeatherNoticeOutcome.NotSent("The booking is no longer open, or has moved since the forecast was checked.");
        }
    }
}
