using System.Globalization;
using ServicePro.Host.Tenancy;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Scheduling;

/// <summary>
/// What makes a tenant's hours, service area and scheduler config usable by the availability engine. Shared by
/// onboarding's business basics and the scheduling settings, so both refuse the same things with the same words.
/// Each check adds its errors, keyed by field, to the dictionary it is given.
/// </summary>
public static class SchedulingSettingsRules
{
    /// <summary>The farthest a business may travel from its center, in miles.</summary>
    public const double MaxRadiusMiles = 250;

    public static void CheckBusinessHours(Dictionary<string, BusinessDay>? hours, Dictionary<string, string[]> errors)
    {
        if (hours is null || hours.Count != 7 || !BusinessDay.Weekdays.All(hours.ContainsKey))
        {
            errors["businessHours"] = ["Give hours for each day, monday to sunday (mark days off as closed)."];
            return;
        }

        foreach (var (day, hoursOfDay) in hours)
        {
            if (hoursOfDay is null) // JSON may say "monday": null whatever the type says
            {
                errors[$"businessHours.{day}"] = ["Give opening and closing times, or mark the day closed."];
            }
            else if (hoursOfDay.Closed)
            {
                continue;
            }
            else if (!TryParseClock(hoursOfDay.Start, out var start) || !TryParseClock(hoursOfDay.End, out var end))
            {
                errors[$"businessHours.{day}"] = ["Use 24-hour times such as 08:00 and 17:30."];
            }
            else if (end <= start)
            {
                errors[$"businessHours.{day}"] = ["Closing time must be after opening time."];
            }
        }

        if (hours.Values.All(h => h is { Closed: true }))
        {
            errors["businessHours"] = ["Open at least one day a week."];
        }
    }

    /// <summary>Checks a service area's center and radius (already converted to miles); the radius error goes under
    /// <paramref name="radiusField"/>, as each form names it.</summary>
    public static void CheckServiceArea(
        double? latitude, double? longitude, double? radiusMiles, string radiusField, Dictionary<string, string[]> errors)
    {
        if (!GeoRules.IsLatitude(latitude) || !GeoRules.IsLongitude(longitude))
        {
            errors["serviceArea.center"] = ["Set the center of your service area (latitude −90 to 90, longitude −180 to 180)."];
        }

        if (radiusMiles is not (> 0 and <= MaxRadiusMiles))
        {
            errors[radiusField] = [$"Set how far you travel: up to {MaxRadiusMiles} miles (about {MaxRadiusMiles * 1.609344:0} km)."];
        }
    }

    public static void CheckSchedulerConfig(SchedulerConfig config, string prefix, Dictionary<string, string[]> errors)
    {
        void Range(string field, int value, int min, int max, string what)
        {
            if (value < min || value > max)
            {
                errors[$"{prefix}.{field}"] = [$"{what} must be between {min} and {max}."];
            }
        }

        Range("minimumNoticeHours", config.MinimumNoticeHours, 0, 720, "Minimum notice (hours)");
        Range("lunchMinutes", config.LunchMinutes, 15, 180, "Lunch length (minutes)");
        Range("etaPaddingMinutes", config.EtaPaddingMinutes, 0, 120, "ETA padding (minutes)");
        Range("bufferMinutes", config.BufferMinutes, 0, Plugins.ContentLimits.MaxBufferMinutes, "Buffer between jobs (minutes)");
        Range("depositPercentage", config.DepositPercentage, 0, 100, "Deposit percentage");
        if (!TryParseClock(config.LunchTime, out _))
        {
            errors[$"{prefix}.lunchTime"] = ["Use a 24-hour time such as 12:00."];
        }
    }

    /// <summary>A wall-clock time as settings store it: "HH:mm", 24-hour.</summary>
    public static bool TryParseClock(string? value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
