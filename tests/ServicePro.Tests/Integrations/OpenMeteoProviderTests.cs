using System.Diagnostics;
using System.Globalization;
using System.Net;
using ServicePro.Abstractions.Integrations;
using ServicePro.Tests.Fakes;

namespace ServicePro.Tests.Integrations;

/// <summary>The Open-Meteo plugin, loaded as the host loads it, against a local Open-Meteo fake.</summary>
public sealed class OpenMeteoProviderTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly Tomorrow = Today.AddDays(1);

    private readonly IIntegrationProvider _provider = ProviderHarness.Load("ServicePro.Integrations.OpenMeteo");
    private FakeOpenMeteo _openMeteo = null!;

    private IWeatherForecaster Forecaster => Assert.IsAssignableFrom<IWeatherForecaster>(_provider);

    public async Task InitializeAsync()
    {
        _openMeteo = await FakeService.StartAsync<FakeOpenMeteo>();
        _openMeteo.Today = Today;
    }

    public async Task DisposeAsync() => await _openMeteo.DisposeAsync();

    private IntegrationContext Context(TenantProfile? tenant = null, TimeSpan? timeout = null) =>
        ProviderHarness.Context(_provider, _openMeteo, new Dictionary<string, string>(), tenant, timeout);

    [Fact]
    public void Needs_no_credentials()
    {
        Assert.Equal("open_meteo", _provider.Key);
        Assert.Empty(_provider.Fields);
        Assert.Empty(_provider.Validate(new Dictionary<string, string>()));
        Assert.Equal(new Uri("https://api.open-meteo.com/"), _provider.Endpoints["api"]);
    }

    [Fact]
    public async Task The_connection_test_forecasts_tomorrow_for_the_service_area()
    {
        var result = await _provider.TestConnectionAsync(Context(), CancellationToken.None);

        Assert.True(result.Succeeded, result.Summary);
        Assert.Equal("Forecast for your service area: tomorrow 38–54°F, no rain expected, wind up to 14 mph.", result.Summary);
        Assert.Equal("36.15", result.Findings["latitude"]);
        Assert.Equal("-96", result.Findings["longitude"]);
        Assert.Equal("48", result.Findings["hours"]);
        Assert.Equal("America/Chicago", result.Findings["timezone"]);

        var query = _openMeteo.LastQuery!;
        Assert.Equal("36.1539", query["latitude"]);
        Assert.Equal("-95.9928", query["longitude"]);
        Assert.Equal("America/Chicago", query["timezone"]);
        Assert.Equal("2", query["forecast_days"]);
    }

    [Fact]
    public async Task Rain_tomorrow_shows_in_the_summary()
    {
        _openMeteo.Rain(Tomorrow, 9, 12, inchesPerHour: 0.04m);

        var result = await _provider.TestConnectionAsync(Context(), CancellationToken.None);

        Assert.Equal("Forecast for your service area: tomorrow 38–54°F, up to 0.12 in of rain, wind up to 14 mph.", result.Summary);
    }

    [Fact]
    public async Task The_forecast_asks_for_imperial_units_and_local_time()
    {
        await Forecaster.GetHourlyForecastAsync(Context(), 36.1539, -95.9928, "America/Chicago", 3, CancellationToken.None);

        var request = Assert.Single(_openMeteo.RequestsTo("/v1/forecast"));
        Assert.Equal("GET", request.Method);
        Assert.Null(request.Authorization);
        Assert.Contains("timezone=America%2FChicago", request.Query, StringComparison.Ordinal);
        var query = _openMeteo.LastQuery!;
        Assert.Equal("precipitation,precipitation_probability,temperature_2m,wind_speed_10m,snowfall", query["hourly"]);
        Assert.Equal("fahrenheit", query["temperature_unit"]);
        Assert.Equal("mph", query["wind_speed_unit"]);
        Assert.Equal("inch", query["precipitation_unit"]);
        Assert.Equal("3", query["forecast_days"]);
    }

    [Fact]
    public async Task Scripted_hours_come_back_as_hourly_weather()
    {
        var nineAm = Tomorrow.ToDateTime(new TimeOnly(9, 0));
        _openMeteo.Rain(Tomorrow, 9, 11, inchesPerHour: 0.25m, probabilityPercent: 95);
        _openMeteo.SetHour(nineAm, new(TemperatureF: 41.5m, WindSpeedMph: 31.2m, SnowfallInches: 0.1m));

        var hours = await Forecaster.GetHourlyForecastAsync(Context(), 36.1539, -95.9928, "America/Chicago", 3, CancellationToken.None);

        Assert.Equal(72, hours.Count);
        Assert.Equal(Today.ToDateTime(TimeOnly.MinValue), hours[0].Time);
        Assert.Equal(DateTimeKind.Unspecified, hours[0].Time.Kind);
        Assert.Equal(new HourlyWeather(nineAm, 0.25m, 95, 41.5m, 31.2m, 0.1m), hours.Single(h => h.Time == nineAm));
        Assert.Equal(0.25m, hours.Single(h => h.Time == nineAm.AddHours(1)).PrecipitationInches);
        Assert.Equal(0m, hours.Single(h => h.Time == nineAm.AddHours(2)).PrecipitationInches);
    }

    [Fact]
    public async Task Missing_values_count_as_none_and_hours_without_a_forecast_are_left_out()
    {
        var noon = Tomorrow.ToDateTime(new TimeOnly(12, 0));
        _openMeteo.WithoutValues(noon, "precipitation", "precipitation_probability", "snowfall");
        _openMeteo.WithoutValues(noon.AddHours(1), "precipitation", "precipitation_probability", "temperature_2m", "wind_speed_10m", "snowfall");

        var hours = await Forecaster.GetHourlyForecastAsync(Context(), 36.1539, -95.9928, "America/Chicago", 2, CancellationToken.None);

        var atNoon = hours.Single(h => h.Time == noon);
        Assert.Equal(0m, atNoon.PrecipitationInches);
        Assert.Equal(0, atNoon.PrecipitationProbabilityPercent);
        Assert.Equal(14m, atNoon.WindSpeedMph);
        Assert.DoesNotContain(hours, h => h.Time == noon.AddHours(1));
        Assert.Equal(47, hours.Count);
    }

    [Fact]
    public async Task Coordinates_are_sent_in_invariant_culture_whatever_the_servers_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            await Forecaster.GetHourlyForecastAsync(Context(), 47.3769, 8.5417, "Europe/Zurich", 1, CancellationToken.None);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.Equal("47.3769", _openMeteo.LastQuery!["latitude"]);
        Assert.Equal("8.5417", _openMeteo.LastQuery!["longitude"]);
    }

    [Fact]
    public async Task Bad_coordinates_come_back_as_open_meteos_reason()
    {
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() =>
            Forecaster.GetHourlyForecastAsync(Context(), 91, -95.9928, "America/Chicago", 1, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Latitude must be in range of -90 to 90°. Given: 91.0.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_area_open_meteo_cannot_forecast_fails_the_connection_test()
    {
        var result = await _provider.TestConnectionAsync(Context(ProviderHarness.Tenant with { Longitude = 200 }), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(
            "Open-Meteo couldn't forecast your service area (Longitude must be in range of -180 to 180°. Given: 200.0); "
            + "check the service area's location and timezone.",
            result.Summary);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public async Task Days_outside_open_meteos_range_are_refused_before_calling(int days)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Forecaster.GetHourlyForecastAsync(Context(), 36.1539, -95.9928, "America/Chicago", days, CancellationToken.None));

        Assert.Empty(_openMeteo.Requests);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_busy_or_failing_open_meteo_asks_to_try_again(int status)
    {
        _openMeteo.FailNext(status, times: 2);

        var result = await _provider.TestConnectionAsync(Context(), CancellationToken.None);
        var failed = await Assert.ThrowsAsync<HttpRequestException>(() =>
            Forecaster.GetHourlyForecastAsync(Context(), 36.1539, -95.9928, "America/Chicago", 1, CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.Contains("try again in a few minutes", result.Summary, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode)status, failed.StatusCode);
    }

    [Fact]
    public async Task A_hanging_open_meteo_gives_up_within_the_clients_timeout()
    {
        _openMeteo.HangNext();
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Forecaster.GetHourlyForecastAsync(Context(timeout: TimeSpan.FromSeconds(1)), 36.1539, -95.9928, "America/Chicago", 1, CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }
}
