namespace ServicePro.Abstractions;

/// <summary>The moments a pack writes customer messages for; keys of its SMS and email templates.</summary>
public static class MessageMoments
{
    public const string BookingConfirmation = "booking_confirmation";
    public const string Reminder = "reminder";
    public const string OnMyWay = "on_my_way";
    public const string WeatherReschedule = "weather_reschedule";
    public const string ReviewRequest = "review_request";

    public static IReadOnlyList<string> All { get; } =
        [BookingConfirmation, Reminder, OnMyWay, WeatherReschedule, ReviewRequest];
}

public sealed record EmailTemplate(string Subject, string Body);
