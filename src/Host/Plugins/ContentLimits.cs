namespace ServicePro.Host.Plugins;

/// <summary>
/// The ranges a business's own content must keep — a service's name, prices and durations, the buffer between jobs —
/// whether the owner types it or an industry pack seeds it by default (<see cref="IndustryPackRules"/>): a pack can't
/// seed what an owner could not have typed. The catalog and the scheduling settings check the same numbers.
/// </summary>
public static class ContentLimits
{
    public const int MaxServiceNameLength = 200;
    public const decimal MaxPrice = 1_000_000;
    public const int MinDurationMinutes = 5;
    public const int MaxDurationMinutes = 24 * 60;
    public const int MaxBufferMinutes = 240;
}
