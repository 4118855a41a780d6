using System.Globalization;
using ServicePro.Abstractions;
using ServicePro.Abstractions.Integrations;

namespace ServicePro.Host.Weather;

/// <summary>What the forecast says about one stretch of outdoor work.</summary>
/// <param name="Covered">False when the forecast has no hours for the stretch (too far ahead): nothing is known.</param>
/// <param name="Reasons">Why the work is at risk, in the owner's words; empty when the weather is fine.</param>
public sealed record WeatherAssessment(bool Covered, IReadOnlyList<string> Reasons)
{
    public static WeatherAssessment NotCovered { get; } = new(false, []);

    public bool AtRisk => Reasons.Count > 0;

    /// <summary>All reasons as one sentence-like line, as stored on the risk and quoted in the customer's message.</summary>
    public string Reason => string.Join("; ", Reasons);
}

/// <summary>
/// Judges a stretch of work against a trade's <see cref="WeatherThresholds"/>. Pure: the hourly forecast comes in,
/// reasons come out.
/// </summary>
/// <remarks>
/// Open-Meteo stamps amounts (precipitation, snowfall) with the end of the hour they fell in, and instant values
/// (temperature, wind) with the moment they apply. So work from 10:00 to 11:00 gets the rain stamped 11:00, and
/// the temperature and wind at 10:00 and 11:00. Limits are compared on the numbers the owner reads (whole mph and
/// °F, hundredths of an inch), so a reason never says "Wind 25 mph (limit 25 mph)".
/// </remarks>
public static class WeatherRules
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <param name="forecast">Hours on the business's wall clock, as the forecaster returns them.</param>
    /// <param name="localStart">When the work starts, on the same clock.</param>
    /// <param name="localEnd">When it ends (exclusive).</param>
    public static WeatherAssessment Assess(WeatherThresholds limits, IReadOnlyList<HourlyWeather> forecast, DateTime localStart, DateTime localEnd)
    {
        var firstHour = FloorToHour(localStart);
        var lastHour = CeilingToHour(localEnd);
        var amounts = forecast.Where(h => h.Time > firstHour && h.Time <= lastHour).OrderBy(h => h.Time).ToList();
        var instants = forecast.Where(h => h.Time >= firstHour && h.Time <= lastHour).OrderBy(h => h.Time).ToList();
        if (amounts.Count == 0 || instants.Count == 0)
        {
            return WeatherAssessment.NotCovered;
        }

        var reasons = new List<string>();
        if (limits.CancelOnRain && RainReason(limits.RainThresholdInches, amounts) is { } rain)
        {
            reasons.Add(rain);
        }

        if (limits.CancelOnSnow && SnowReason(amounts) is { } snow)
        {
            reasons.Add(snow);
        }

        var windiest = instants.MaxBy(h => h.WindSpeedMph)!;
        if (Whole(windiest.WindSpeedMph) > limits.WindThresholdMph)
        {
            reasons.Add($"Wind {Whole(windiest.WindSpeedMph)} mph expected at {Clock(windiest.Time)} (limit {limits.WindThresholdMph} mph)");
        }

        var coldest = instants.MinBy(h => h.TemperatureF)!;
        if (Whole(coldest.TemperatureF) < limits.TempMinF)
        {
            reasons.Add($"{Whole(coldest.TemperatureF)}°F at {Clock(coldest.Time)} is below the {limits.TempMinF}°F minimum");
        }

        var hottest = instants.MaxBy(h => h.TemperatureF)!;
        if (Whole(hottest.TemperatureF) > limits.TempMaxF)
        {
            reasons.Add($"{Whole(hottest.TemperatureF)}°F at {Clock(hottest.Time)} is above the {limits.TempMaxF}°F maximum");
        }

        return new WeatherAssessment(true, reasons);
    }

    /// <summary>The rain that falls during the work, against the trade's limit for it.</summary>
    private static string? RainReason(decimal limitInches, List<HourlyWeather> amounts)
    {
        var total = Hundredths(amounts.Sum(h => h.PrecipitationInches));
        if (total <= limitInches)
        {
            return null;
        }

        var wet = amounts.Where(h => h.PrecipitationInches > 0).ToList();
        return $"Rain {Inches(total)} in expected {Span(wet[0].Time - Hour, wet[^1].Time)} (limit {Inches(limitInches)} in)";
    }

    /// <summary>Any measurable snow is too much for a trade that cancels on snow.</summary>
    private static string? SnowReason(List<HourlyWeather> amounts)
    {
        var snowy = amounts.Where(h => Hundredths(h.SnowfallInches) > 0).ToList();
        return snowy.Count == 0 ? null : $"Snow expected {Span(snowy[0].Time - Hour, snowy[^1].Time)}";
    }

    /// <summary>"10–11 AM", "11 AM–2 PM".</summary>
    private static string Span(DateTime from, DateTime until) =>
        from.Hour < 12 == until.Hour < 12 && until - from < TimeSpan.FromHours(12)
            ? $"{from.ToString("%h", CultureInfo.InvariantCulture)}–{Clock(until)}"
            : $"{Clock(from)}–{Clock(until)}";

    /// <summary>"10 AM"; forecast hours are always on the hour.</summary>
    private static string Clock(DateTime time) => time.ToString("h tt", CultureInfo.InvariantCulture);

    private static int Whole(decimal value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    private static decimal Hundredths(decimal inches) => Math.Round(inches, 2, MidpointRounding.AwayFromZero);

    private static string Inches(decimal inches) => inches.ToString("0.00", CultureInfo.InvariantCulture);

    private static DateTime FloorToHour(DateTime time) => new(time.Year, time.Month, time.Day, time.Hour, 0, 0, time.Kind);

    private static DateTime CeilingToHour(DateTime time)
    {
        var floor = FloorToHour(time);
        return floor == time ? time : floor + Hour;
    }
}
