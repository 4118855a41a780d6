using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Fakes;

/// <summary>Scripted weather for one local hour, in imperial units; a null keeps the fake's fair-weather value.</summary>
public sealed record FakeWeatherHour(
    decimal? PrecipitationInches = null,
    int? PrecipitationProbabilityPercent = null,
    decimal? TemperatureF = null,
    decimal? WindSpeedMph = null,
    decimal? SnowfallInches = null);

/// <summary>
/// Open-Meteo's GET /v1/forecast: the real response shape (grid point, generationtime_ms, utc_offset_seconds,
/// timezone, hourly_units, parallel hourly arrays starting at local midnight of the first day), the requested
/// variables and units, and its {"error":true,"reason":...} 400s. Fair, dry weather unless scripted: 38 °F at
/// 3 am to 54 °F at 3 pm, wind peaking at 14 mph at noon; or a response recorded in Open-Meteo's wire format
/// (<see cref="ServeRecorded"/>). Times are local to the requested timezone.
/// </summary>
public sealed class FakeOpenMeteo : FakeService
{
    private static readonly string[] KnownVariables =
        ["precipitation", "precipitation_probability", "temperature_2m", "wind_speed_10m", "snowfall"];

    private readonly ConcurrentDictionary<DateTime, FakeWeatherHour> _scripted = new();
    private readonly ConcurrentDictionary<(DateTime Hour, string Variable), bool> _missing = new();
    private readonly ConcurrentDictionary<(double Latitude, double Longitude), int> _failingPoints = new();
    private volatile string? _recording;

    /// <summary>The first forecast day; null means today in the requested timezone.</summary>
    public DateOnly? Today { get; set; }

    public double ElevationMeters { get; set; } = 210;

    /// <summary>The last forecast request's query parameters, decoded.</summary>
    public IReadOnlyDictionary<string, string>? LastQuery { get; private set; }

    /// <summary>Sets some of one local hour's values (the others stay as they were).</summary>
    public void SetHour(DateTime localHour, FakeWeatherHour weather) =>
        _scripted.AddOrUpdate(localHour, weather, (_, old) => new(
            weather.PrecipitationInches ?? old.PrecipitationInches,
            weather.PrecipitationProbabilityPercent ?? old.PrecipitationProbabilityPercent,
            weather.TemperatureF ?? old.TemperatureF,
            weather.WindSpeedMph ?? old.WindSpeedMph,
            weather.SnowfallInches ?? old.SnowfallInches));

    /// <summary>Rain from <paramref name="fromHour"/> up to (not including) <paramref name="untilHour"/>, local time.</summary>
    public void Rain(DateOnly day, int fromHour, int untilHour, decimal inchesPerHour, int probabilityPercent = 90)
    {
        for (var hour = fromHour; hour < untilHour; hour++)
        {
            SetHour(day.ToDateTime(new TimeOnly(hour, 0)), new(PrecipitationInches: inchesPerHour, PrecipitationProbabilityPercent: probabilityPercent));
        }
    }

    /// <summary>Wind of <paramref name="mph"/> from <paramref name="fromHour"/> up to (not including) <paramref name="untilHour"/>.</summary>
    public void Wind(DateOnly day, int fromHour, int untilHour, decimal mph)
    {
        for (var hour = fromHour; hour < untilHour; hour++)
        {
            SetHour(day.ToDateTime(new TimeOnly(hour, 0)), new(WindSpeedMph: mph));
        }
    }

    /// <summary>Answers null for these variables at that hour, as Open-Meteo does where a model has no data.</summary>
    public void WithoutValues(DateTime localHour, params string[] variables)
    {
        foreach (var variable in variables)
        {
            _missing[(localHour, variable)] = true;
        }
    }

    /// <summary>
    /// Serves the response recorded in <c>Fakes/Recorded/<paramref name="fileName"/></c> instead of fair weather: its grid
    /// point, elevation and hourly values as recorded, its times moved so that its first day is <see cref="Today"/>
    /// (as Open-Meteo's forecast starts at local midnight today), cut to the requested days. Hours scripted with
    /// <see cref="SetHour"/> or <see cref="WithoutValues"/> apply on top. A request must ask for variables and units
    /// the recording has.
    /// </summary>
    public void ServeRecorded(string fileName) =>
        _recording = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "ServicePro.Tests", "Fakes", "Recorded", fileName));

    /// <summary>Back to the generated fair weather.</summary>
    public void ServeFairWeather() => _recording = null;

    /// <summary>Every forecast asked for this point (as requested, not on the grid) gets <paramref name="status"/> until <see cref="Reset"/>.</summary>
    public void FailAt(double latitude, double longitude, int status) => _failingPoints[(latitude, longitude)] = status;

    /// <summary>Fair weather again: no recording, scripted hours, missing values, failing points or queued faults.</summary>
    public void Reset()
    {
        _recording = null;
        _scripted.Clear();
        _missing.Clear();
        _failingPoints.Clear();
        ClearFaults();
        Today = null;
    }

    /// <summary>The unscripted weather at a local hour of the day.</summary>
    public static FakeWeatherHour FairWeather(int hourOfDay)
    {
        var fair = Fair(hourOfDay);
        return new(fair.PrecipitationInches, fair.ProbabilityPercent, fair.TemperatureF, fair.WindSpeedMph, fair.SnowfallInches);
    }

    protected override void Map(WebApplication app) =>
        app.MapGet("/v1/forecast", (HttpRequest request) =>
        {
            var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            LastQuery = query;
            var (parsed, reason) = OpenMeteoRequest.Parse(query);
            if (parsed is null)
            {
                return Refused(reason!);
            }

            if (_failingPoints.TryGetValue((parsed.Latitude, parsed.Longitude), out var status))
            {
                return ErrorResult(status);
            }

            return _recording is { } recording ? Results.Json(Recorded(parsed, recording)) : Results.Json(Forecast(parsed));
        });

    protected override IResult ErrorResult(int status) => Results.Json(
        new
        {
            error = true,
            reason = status == 429 ? "Minutely API request limit exceeded. Please try again in one minute." : "Internal Server Error",
        },
        statusCode: status);

    private static IResult Refused(string reason) => Results.Json(new { error = true, reason }, statusCode: 400);

    private Dictionary<string, object> Forecast(OpenMeteoRequest request)
    {
        var firstDay = Today ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, request.Zone));
        var start = firstDay.ToDateTime(TimeOnly.MinValue);
        var times = Enumerable.Range(0, request.Days * 24).Select(h => start.AddHours(h)).ToList();
        var offset = request.Zone.GetUtcOffset(start.AddHours(12));

        var hourly = new Dictionary<string, object> { ["time"] = times.Select(t => t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)) };
        var units = new Dictionary<string, string> { ["time"] = "iso8601" };
        foreach (var variable in request.Variables)
        {
            units[variable] = request.Unit(variable);
            hourly[variable] = times.Select(t => _missing.ContainsKey((t, variable)) ? null : request.Value(variable, Weather(t)));
        }

        return new Dictionary<string, object>
        {
            ["latitude"] = OnGrid(request.Latitude),
            ["longitude"] = OnGrid(request.Longitude),
            ["generationtime_ms"] = 0.0591278076171875,
            ["utc_offset_seconds"] = (int)offset.TotalSeconds,
            ["timezone"] = request.Zone.Id,
            ["timezone_abbreviation"] = Abbreviation(offset),
            ["elevation"] = ElevationMeters,
            ["hourly_units"] = units,
            ["hourly"] = hourly,
        };
    }

    /// <summary>The recording with its times moved to <see cref="Today"/> and the scripted hours laid over it.</summary>
    private JsonObject Recorded(OpenMeteoRequest request, string recording)
    {
        var body = JsonNode.Parse(recording)!.AsObject();
        var recordedUnits = body["hourly_units"]!.AsObject();
        var recordedHourly = body["hourly"]!.AsObject();
        var firstDay = Today ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, request.Zone));
        var start = firstDay.ToDateTime(TimeOnly.MinValue);
        var times = Enumerable.Range(0, Math.Min(request.Days * 24, recordedHourly["time"]!.AsArray().Count)).Select(h => start.AddHours(h)).ToList();
        var offset = request.Zone.GetUtcOffset(start.AddHours(12));

        var units = new JsonObject { ["time"] = "iso8601" };
        var hourly = new JsonObject { ["time"] = new JsonArray(times.Select(t => (JsonNode?)t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)).ToArray()) };
        foreach (var variable in request.Variables)
        {
            var unit = recordedUnits[variable]?.GetValue<string>();
            if (unit != request.Unit(variable))
            {
                throw new InvalidOperationException($"The recording has {variable} in {unit ?? "nothing"}; the request asked for {request.Unit(variable)}.");
            }

            var recorded = recordedHourly[variable]!.AsArray();
            units[variable] = unit;
            hourly[variable] = new JsonArray(times.Select((t, i) => At(t, variable, recorded[i])).ToArray());
        }

        JsonNode? At(DateTime hour, string variable, JsonNode? recorded)
        {
            if (_missing.ContainsKey((hour, variable)))
            {
                return null;
            }

            return _scripted.TryGetValue(hour, out var scripted) && request.Value(variable, scripted) is { } value
                ? JsonValue.Create(value)
                : recorded?.DeepClone();
        }

        body["timezone"] = request.Zone.Id;
        body["utc_offset_seconds"] = (int)offset.TotalSeconds;
        body["timezone_abbreviation"] = Abbreviation(offset);
        body["hourly_units"] = units;
        body["hourly"] = hourly;
        return body;
    }

    private static WeatherHour Fair(int hourOfDay) => new(
        PrecipitationInches: 0,
        ProbabilityPercent: 3,
        TemperatureF: Math.Round(46 + 8 * (decimal)Math.Cos(2 * Math.PI * (hourOfDay - 15) / 24), 1),
        WindSpeedMph: Math.Round(5 + 9 * (decimal)Math.Max(0, Math.Sin(Math.PI * (hourOfDay - 6) / 12)), 1),
        SnowfallInches: 0);

    private WeatherHour Weather(DateTime localHour)
    {
        var fair = Fair(localHour.Hour);
        return _scripted.TryGetValue(localHour, out var scripted)
            ? new(
                scripted.PrecipitationInches ?? fair.PrecipitationInches,
                scripted.PrecipitationProbabilityPercent ?? fair.ProbabilityPercent,
                scripted.TemperatureF ?? fair.TemperatureF,
                scripted.WindSpeedMph ?? fair.WindSpeedMph,
                scripted.SnowfallInches ?? fair.SnowfallInches)
            : fair;
    }

    /// <summary>One hour's weather with every value settled, in imperial units.</summary>
    private sealed record WeatherHour(
        decimal PrecipitationInches, int ProbabilityPercent, decimal TemperatureF, decimal WindSpeedMph, decimal SnowfallInches);

    /// <summary>Open-Meteo answers for the centre of the model grid cell holding the point, not the point itself.</summary>
    private static double OnGrid(double coordinate) => Math.Round(Math.Round(coordinate / 0.025) * 0.025, 6);

    private static string Abbreviation(TimeSpan offset) => offset == TimeSpan.Zero
        ? "GMT"
        : "GMT" + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().Hours.ToString(CultureInfo.InvariantCulture)
          + (offset.Minutes == 0 ? "" : ":" + offset.Duration().Minutes.ToString("00", CultureInfo.InvariantCulture));

    /// <summary>A parsed forecast query, or Open-Meteo's reason for refusing it.</summary>
    private sealed record OpenMeteoRequest(
        double Latitude, double Longitude, TimeZoneInfo Zone, int Days, IReadOnlyList<string> Variables,
        bool Fahrenheit, string WindUnit, bool Inches)
    {
        public static (OpenMeteoRequest? Request, string? Reason) Parse(Dictionary<string, string> query)
        {
            if (Number(query, "latitude") is not { } latitude)
            {
                return Invalid($"Cannot initialize Float from invalid String value {query.GetValueOrDefault("latitude")} for key latitude");
            }

            if (Number(query, "longitude") is not { } longitude)
            {
                return Invalid($"Cannot initialize Float from invalid String value {query.GetValueOrDefault("longitude")} for key longitude");
            }

            if (latitude is < -90 or > 90)
            {
                return Invalid($"Latitude must be in range of -90 to 90°. Given: {Given(latitude)}.");
            }

            if (longitude is < -180 or > 180)
            {
                return Invalid($"Longitude must be in range of -180 to 180°. Given: {Given(longitude)}.");
            }

            var days = query.TryGetValue("forecast_days", out var d) ? int.Parse(d, CultureInfo.InvariantCulture) : 7;
            if (days is < 0 or > 16)
            {
                return Invalid("Forecast days is invalid. Allowed range 0 to 16.");
            }

            var timezone = query.GetValueOrDefault("timezone", "GMT");
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(timezone, out var zone))
            {
                return Invalid("Invalid timezone");
            }

            var variables = query.GetValueOrDefault("hourly", "").Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (variables.FirstOrDefault(v => !KnownVariables.Contains(v)) is { } unknown)
            {
                return Invalid($"Cannot initialize ForecastVariable from invalid String value {unknown} for key hourly");
            }

            return (new(latitude, longitude, zone, days, variables,
                query.GetValueOrDefault("temperature_unit") == "fahrenheit",
                query.GetValueOrDefault("wind_speed_unit", "kmh"),
                query.GetValueOrDefault("precipitation_unit") == "inch"), null);
        }

        public string Unit(string variable) => variable switch
        {
            "precipitation_probability" => "%",
            "temperature_2m" => Fahrenheit ? "°F" : "°C",
            "wind_speed_10m" => WindUnit switch { "mph" => "mp/h", "ms" => "m/s", "kn" => "kn", _ => "km/h" },
            "snowfall" => Inches ? "inch" : "cm",
            _ => Inches ? "inch" : "mm",
        };

        public decimal? Value(string variable, WeatherHour weather) => variable switch
        {
            "precipitation_probability" => weather.ProbabilityPercent,
            "temperature_2m" => Math.Round(Fahrenheit ? weather.TemperatureF : (weather.TemperatureF - 32) * 5 / 9, 1),
            "wind_speed_10m" => Math.Round(WindUnit switch
            {
                "mph" => weather.WindSpeedMph,
                "ms" => weather.WindSpeedMph * 0.44704m,
                "kn" => weather.WindSpeedMph * 0.868976m,
                _ => weather.WindSpeedMph * 1.609344m,
            }, 1),
            "snowfall" => Inches ? Math.Round(weather.SnowfallInches, 3) : Math.Round(weather.SnowfallInches * 2.54m, 2),
            _ => Inches ? Math.Round(weather.PrecipitationInches, 3) : Math.Round(weather.PrecipitationInches * 25.4m, 1),
        };

        /// <summary>A scripted hour's value for the variable, in the requested units; null when the script leaves it alone.</summary>
        public decimal? Value(string variable, FakeWeatherHour scripted)
        {
            var set = variable switch
            {
                "precipitation_probability" => scripted.PrecipitationProbabilityPercent is not null,
                "temperature_2m" => scripted.TemperatureF is not null,
                "wind_speed_10m" => scripted.WindSpeedMph is not null,
                "snowfall" => scripted.SnowfallInches is not null,
                _ => scripted.PrecipitationInches is not null,
            };
            return set
                ? Value(variable, new WeatherHour(scripted.PrecipitationInches ?? 0, scripted.PrecipitationProbabilityPercent ?? 0,
                    scripted.TemperatureF ?? 0, scripted.WindSpeedMph ?? 0, scripted.SnowfallInches ?? 0))
                : null;
        }

        private static (OpenMeteoRequest?, string?) Invalid(string reason) => (null, reason);

        private static double? Number(Dictionary<string, string> query, string key) =>
            query.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : null;

        private static string Given(double value) => value.ToString("0.0###", CultureInfo.InvariantCulture);
    }
}
