namespace ServicePro.Host.Catalog;

/// <summary>
/// The ranges a service's name, prices and durations must keep, whether a business edits its own service or an
/// industry pack offers it by default (<see cref="Plugins.IndustryPackRules"/>): a pack can't seed what an owner
/// could not have typed.
/// </summary>
public static class ServiceLimits
{
    public const int MaxNameLength = 200;
    public const decimal MaxPrice = 1_000_000;
    public const int MinDurationMinutes = 5;
    public const int MaxDurationMinutes = 24 * 60;
}
