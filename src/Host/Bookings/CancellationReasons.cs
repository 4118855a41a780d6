namespace ServicePro.Host.Bookings;

/// <summary>Why a booking was cancelled (the seed's cancellation feedback), so owners can see what loses them jobs.</summary>
public static class CancellationReasons
{
    public const string ScheduleConflict = "schedule_conflict";
    public const string Weather = "weather";
    public const string Price = "price";
    public const string FoundAnotherProvider = "found_another_provider";
    public const string NoLongerNeeded = "no_longer_needed";
    public const string BusinessCancelled = "business_cancelled";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All =
        [ScheduleConflict, Weather, Price, FoundAnotherProvider, NoLongerNeeded, BusinessCancelled, Other];
}
