using System.Globalization;
using ServicePro.Abstractions.Integrations;

namespace ServicePro.Integrations.OpenMeteo;

/// <summary>Tomorrow's weather in one sentence, proof for the owner that the forecast is for their area.</summary>
internal static class ForecastSummary
{
    private const string WithoutTomorrow = "Connected to Open-Meteo: forecast received for your service area.";

    public static string Tomorrow(IReadOnlyList<HourlyWeather> hours)
    {
        if (hours.Count == 0)
        {
            return WithoutTomorrow;
        }

        // Open-Meteo's hours start at midnight today, local to the service area.
        var tomorrow = hours[0].Time.Date.AddDays(1);
        var day = hours.Where(h => h.Time.Date == tomorrow).ToList();
        if (day.Count == 0)
        {
            return WithoutTomorrow;
        }

        var low = Whole(day.Min(h => h.TemperatureF));
        var high = Whole(day.Max(h => h.TemperatureF));
        var rain = day.Sum(h => h.PrecipitationInches);
        var snow = day.Sum(h => h.SnowfallInches);
        var wind = Whole(day.Max(h => h.WindSpeedMph));

        var precipitation = rain > 0 ? $"up to {Inches(rain)} in of rain" : "no rain expected";
        if (snow > 0)
        {
            precipitation += $", {Inches(snow)} in of snow";
        }

        return $"Forecast for your service area: tomorrow {low}–{high}°F, {precipitation}, wind up to {wind} mph.";
    }

    private static string Whole(decimal value) =>
        Math.Round(value, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);

    private static string Inches(decimal value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}
