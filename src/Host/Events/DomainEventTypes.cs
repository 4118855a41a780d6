namespace ServicePro.Host.Events;

/// <summary>The events the platform publishes. Names are past tense, "entity.what_happened", and never change
/// once published: subscribers in other capabilities (and later, plugins) match on them.</summary>
public static class DomainEventTypes
{
    public const string BookingCreated = "booking.created";
    public const string BookingConfirmed = "booking.confirmed";
    public const string BookingRescheduled = "booking.rescheduled";
    public const string BookingCancelled = "booking.cancelled";
    public const string BookingCompleted = "booking.completed";
    public const string BookingNoShow = "booking.no_show";
}
