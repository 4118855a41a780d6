using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using ServicePro.Abstractions.Integrations;

namespace ServicePro.Integrations.OpenMeteo;

internal sealed record ForecastRequest(double Latitude, double Longitude, string Timezone, int Days);

/// <summary>A parsed forecast: Open-Meteo's grid point (near, not at, the requested one) and its hours.</summary>
internal sealed record Forecast(double Latitude, double Longitude, string Timezone, IReadOnlyList<HourlyWeather> Hours);

/// <summary>The forecast, or Open-Meteo's status and reason ({"error":true,"reason":"..."}) when refused.</summary>
internal sealed record ForecastReply(Forecast? Forecast, HttpStatusCode Status, string? Reason);

/// <summary>GET v1/forecast in imperial units and local time, and its parallel hourly arrays turned into hours.</summary>
internal static class OpenMeteoForecast
{
    private const string HourlyVariables = "precipitation,precipitation_probability,temperature_2m,wind_speed_10m,snowfall";
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm";

    public static async Task<ForecastReply> FetchAsync(HttpClient http, Uri api, ForecastRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(api, "v1/forecast?" + Query(request)), cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);

        if (!response.IsSuccessStatusCode)
        {
            return new(null, response.StatusCode, await ReasonAsync(body, cancellationToken));
        }

        var reply = await JsonSerializer.DeserializeAsync<Reply>(body, cancellationToken: cancellationToken)
            ?? throw new JsonException("Open-Meteo answered with an empty body.");
        return new(new(reply.Latitude, reply.Longitude, reply.Timezone, Hours(reply.Hourly)), response.StatusCode, null);
    }

    /// <summary>Numbers in invariant culture: a server running in de-DE must still send 36.15, not 36,15.</summary>
    private static string Query(ForecastRequest request) => string.Join('&',
        "latitude=" + request.Latitude.ToString(CultureInfo.InvariantCulture),
        "longitude=" + request.Longitude.ToString(CultureInfo.InvariantCulture),
        "hourly=" + HourlyVariables,
        "temperature_unit=fahrenheit",
        "wind_speed_unit=mph",
        "precipitation_unit=inch",
        "timezone=" + Uri.EscapeDataString(request.Timezone),
        "forecast_days=" + request.Days.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// One HourlyWeather per time. An hour without a temperature has no forecast at all (the models' range
    /// ended) and is left out; a missing amount or probability within a forecast hour counts as none.
    /// </summary>
    private static List<HourlyWeather> Hours(HourlyArrays hourly)
    {
        var hours = new List<HourlyWeather>(hourly.Time.Count);
        for (var i = 0; i < hourly.Time.Count; i++)
        {
            if (At(hourly.Temperature, i) is not { } temperature)
            {
                continue;
            }

            hours.Add(new HourlyWeather(
                DateTime.ParseExact(hourly.Time[i], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None),
                At(hourly.Precipitation, i) ?? 0,
                (int)Math.Round(At(hourly.PrecipitationProbability, i) ?? 0),
                temperature,
                At(hourly.WindSpeed, i) ?? 0,
                At(hourly.Snowfall, i) ?? 0));
        }

        return hours;
    }

    private static decimal? At(List<decimal?>? values, int index) =>
        values is not null && index < values.Count ? values[index] : null;

    private static async Task<string?> ReasonAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            return (await JsonSerializer.DeserializeAsync<ErrorReply>(body, cancellationToken: cancellationToken))?.Reason;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Reply(
        [property: JsonPropertyName("latitude")] double Latitude,
        [property: JsonPropertyName("longitude")] double Longitude,
        [property: JsonPropertyName("timezone")] string Timezone,
        [property: JsonPropertyName("hourly")] HourlyArrays Hourly);

    private sealed record HourlyArrays(
        [property: JsonPropertyName("time")] List<string> Time,
        [property: JsonPropertyName("precipitation")] List<decimal?>? Precipitation,
        [property: JsonPropertyName("precipitation_probability")] List<decimal?>? PrecipitationProbability,
        [property: JsonPropertyName("temperature_2m")] List<decimal?>? Temperature,
        [property: JsonPropertyName("wind_speed_10m")] List<decimal?>? WindSpeed,
        [property: JsonPropertyName("snowfall")] List<decimal?>? Snowfall);

    private sealed record ErrorReply([property: JsonPropertyName("reason")] string? Reason);
}
