namespace ServicePro.Abstractions.Integrations;

/// <summary>A provider of hourly forecasts (Open-Meteo).</summary>
public interface IWeatherForecaster
{
    /// <summary>Hourly forecast for a point, in the given IANA timezone, imperial units.</summary>
    Task<IReadOnlyList<HourlyWeather>> GetHourlyForecastAsync(
        IntegrationContext context, double latitude, double longitude, string timezone, int days, CancellationToken cancellationToken);
}

/// <param name="Time">Local time in the requested timezone.</param>
public sealed record HourlyWeather(
    DateTime Time,
    decimal PrecipitationInches,
    int PrecipitationProbabilityPercent,
    decimal TemperatureF,
    decimal WindSpeedMph,
    decimal SnowfallInches);
