namespace ServicePro.Tests.Bookings;

internal sealed record SlotJson(DateTimeOffset StartsAt, string LocalStart, List<Guid>? Technicians);

internal sealed record AvailabilityJson(string TimeZone, int DurationMinutes, decimal? EstimatedPrice, List<SlotJson> Slots);

internal sealed record BookingJson(
    Guid Id, Guid TechnicianId, string Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Version, string Source,
    string? CancellationReason, string? CancellationFeedback);
