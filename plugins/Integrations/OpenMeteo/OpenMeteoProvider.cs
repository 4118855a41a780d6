using System.Globalization;
using System.Net;
using ServicePro.Abstractions.Integrations;

namespace ServicePro.Integrations.OpenMeteo;

/// <summary>
/// Open-Meteo's free forecast API (no account, no key): hourly rain, wind, temperature and snow for the
/// tenant's service area, used to move outdoor jobs before the weather spoils them.
/// </summary>
public sealed class OpenMeteoProvider : IIntegrationProvider, IWeatherForecaster
{
    /// <summary>Open-Meteo forecasts at most 16 days ahead.</summary>
    public const int MaxForecastDays = 16;

    public string Key => "open_meteo";

    public string Name => "Open-Meteo";

    public string Description =>
        "Free hourly weather forecasts for your service area, so rain or high wind can move outdoor jobs in time.";

    public IReadOnlyList<CredentialField> Fields { get; } = [];

    public IReadOnlyDictionary<string, Uri> Endpoints { get; } =
        new Dictionary<string, Uri> { ["api"] = new("https://api.open-meteo.com/") };

    public IReadOnlyList<FieldProblem> Validate(IReadOnlyDictionary<string, string> values) => [];

    public async Task<ConnectionTestResult> TestConnectionAsync(IntegrationContext context, CancellationToken cancellationToken)
    {
        var tenant = context.Tenant;
        var reply = await OpenMeteoForecast.FetchAsync(
            context.Http, context.Endpoint("api"), new(tenant.Latitude, tenant.Longitude, tenant.Timezone, Days: 2), cancellationToken);

        if (reply.Forecast is not { } forecast)
        {
            return ConnectionTestResult.Failure((int)reply.Status switch
            {
                429 => "Open-Meteo is busy right now; try again in a few minutes.",
                >= 500 => "Open-Meteo is unavailable right now; try again in a few minutes.",
                400 => $"Open-Meteo couldn't forecast your service area{(reply.Reason is { } reason ? $" ({reason.TrimEnd('.')})" : "")}; "
                    + "check the service area's location and timezone.",
                var code => $"Open-Meteo answered with an unexpected error (HTTP {code}); try again, and contact support if it keeps happening.",
            });
        }

        return ConnectionTestResult.Success(
            ForecastSummary.Tomorrow(forecast.Hours),
            new Dictionary<string, string>
            {
                ["latitude"] = forecast.Latitude.ToString(CultureInfo.InvariantCulture),
                ["longitude"] = forecast.Longitude.ToString(CultureInfo.InvariantCulture),
                ["hours"] = forecast.Hours.Count.ToString(CultureInfo.InvariantCulture),
                ["timezone"] = forecast.Timezone,
            });
    }

    public async Task<IReadOnlyList<HourlyWeather>> GetHourlyForecastAsync(
        IntegrationContext context, double latitude, double longitude, string timezone, int days, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timezone);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxForecastDays);

        var reply = await OpenMeteoForecast.FetchAsync(
            context.Http, context.Endpoint("api"), new(latitude, longitude, timezone, days), cancellationToken);

        // HttpRequestException carries the status, so a caller can tell a bad request (400, never retried)
        // from Open-Meteo being busy or down (429/5xx, worth another try later).
        return reply.Forecast?.Hours ?? throw new HttpRequestException(
            reply.Status == HttpStatusCode.BadRequest
                ? $"Open-Meteo refused the forecast request: {reply.Reason}"
                : $"Open-Meteo answered HTTP {(int)reply.Status}.",
            null,
            reply.Status);
    }
}
