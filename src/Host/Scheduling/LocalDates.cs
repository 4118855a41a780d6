namespace ServicePro.Host.Scheduling;

/// <summary>Dates as the business's wall clock reads them.</summary>
public static class LocalDates
{
    /// <summary>The local date on which <paramref name="instant"/> falls in <paramref name="zone"/>.</summary>
    public static DateOnly Of(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <inheritdoc cref="Of(DateTimeOffset, TimeZoneInfo)"/>
    public static DateOnly Of(DateTimeOffset instant, string zoneId) => Of(instant, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
}
