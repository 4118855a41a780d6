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

/// <summary>
/// Stands in until customer notices (Bookings/BookingNotices with Messaging/MessageRenderer) are part of the host:
/// sends nothing and says so, so a risk is never marked "notified" for a message that did not go out.
/// </summary>
/// <remarks>
/// To replace with an implementation over BookingNotices.SendAsync(new NoticeRequest(notice.BookingId,
/// MessageMoments.WeatherReschedule) { ForStartsAt = notice.ForStartsAt }) that passes notice.Reason as the
/// message's weather.reason; a notice already sent for that start counts as sent.
/// </remarks>
public sealed class MessagesNotConnectedWeatherNotifier(ILogger<MessagesNotConnectedWeatherNotifier> logger) : IWeatherNotifier
{
    public Task<WeatherNoticeOutcome> NotifyAsync(WeatherNotice notice, CancellationToken ct)
    {
        logger.LogWarning("Weather notice for booking {BookingId} not sent: customer notices are not connected on this server", notice.BookingId);
        return Task.FromResult(WeatherNoticeOutcome.NotSent(
            "Customer messages aren't set up on this server yet, so nothing was sent. Please call or text the customer yourself."));
    }
}
