namespace ServicePro.Host.Validation;

/// <summary>
/// The dates the platform deals in: bookings, shifts, time off, clock-ins and reports fall between 2000 and 2100. A
/// date outside is a typo or a probe, and near year 1 or 9999 arithmetic with time zones and durations overflows.
/// </summary>
public static class DateRules
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static readonly DateOnly Latest = new(2099, 12, 31);

    public const string Message = "Use a date between 2000 and 2099.";

    public static bool IsPlausible(DateOnly date) => date >= Earliest && date <= Latest;

    public static bool IsPlausible(DateTimeOffset moment) =>
        moment.UtcDateTime >= Earliest.ToDateTime(TimeOnly.MinValue) && moment.UtcDateTime <= Latest.ToDateTime(TimeOnly.MaxValue);
}
