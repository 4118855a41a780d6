using ServicePro.Abstractions;
using ServicePro.Abstractions.Integrations;
using ServicePro.Host.Weather;

namespace ServicePro.Tests.Weather;

/// <summary>
/// The pure judgement of a stretch of work against a trade's thresholds. Amounts are stamped with the end of the hour
/// they fell in, temperature and wind with their moment, as Open-Meteo does.
/// </summary>
public sealed class WeatherRulesTests
{
    /// <summary>Auto detailing's limits: rain over 0.10 in, any snow, wind over 25 mph, below 40°F or above 95°F.</summary>
    private static readonly WeatherThresholds Detailing = new(CancelOnRain: true, CancelOnSnow: true, 0.10m, 25, 40, 95);

    private static readonly DateOnly Day = new(2026, 12, 2);

    private static DateTime At(int hour, int minute = 0) => Day.ToDateTime(new TimeOnly(hour, minute));

    /// <summary>A dry, calm, mild day: 60°F, 5 mph, no rain or snow at every hour.</summary>
    private static List<HourlyWeather> FairDay() =>
        Enumerable.Range(0, 24).Select(h => new HourlyWeather(At(h), 0, 0, 60, 5, 0)).ToList();

    private static List<HourlyWeather> FairDayWith(int hour, Func<HourlyWeather, HourlyWeather> change)
    {
        var day = FairDay();
        day[hour] = change(day[hour]);
        return day;
    }

    private static WeatherAssessment TenToEleven(List<HourlyWeather> forecast, WeatherThresholds? limits = null) =>
        WeatherRules.Assess(limits ?? Detailing, forecast, At(10), At(11));

    [Fact]
    public void Fair_weather_is_no_risk()
    {
        var assessment = TenToEleven(FairDay());

        Assert.True(assessment.Covered);
        Assert.False(assessment.AtRisk);
        Assert.Equal("", assessment.Reason);
    }

    [Fact]
    public void Rain_over_the_limit_during_the_work_is_a_risk_worded_for_the_owner()
    {
        var assessment = TenToEleven(FairDayWith(11, h => h with { PrecipitationInches = 0.3m, PrecipitationProbabilityPercent = 90 }));

        Assert.Equal(["Rain 0.30 in expected 10–11 AM (limit 0.10 in)"], assessment.Reasons);
    }

    [Theory]
    [InlineData("0.10", false)]
    [InlineData("0.104", false)] // reads 0.10: at the limit, not over it
    [InlineData("0.105", true)] // reads 0.11
    [InlineData("0.11", true)]
    public void Rain_at_the_limit_is_fine_and_over_it_is_a_risk(string inches, bool atRisk)
    {
        var assessment = TenToEleven(FairDayWith(11, h => h with { PrecipitationInches = decimal.Parse(inches, System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.Equal(atRisk, assessment.AtRisk);
    }

    [Fact]
    public void Rain_that_falls_before_or_after_the_work_does_not_count()
    {
        var forecast = FairDay();
        forecast[10] = forecast[10] with { PrecipitationInches = 0.5m }; // fell 9–10
        forecast[12] = forecast[12] with { PrecipitationInches = 0.5m }; // falls 11–12

        Assert.False(TenToEleven(forecast).AtRisk);
    }

    [Fact]
    public void Rain_adds_up_over_the_hours_of_the_work()
    {
        var forecast = FairDay();
        forecast[11] = forecast[11] with { PrecipitationInches = 0.06m };
        forecast[12] = forecast[12] with { PrecipitationInches = 0.06m };

        var assessment = WeatherRules.Assess(Detailing, forecast, At(10), At(12));

        Assert.Equal(["Rain 0.12 in expected 10 AM–12 PM (limit 0.10 in)"], assessment.Reasons);
    }

    [Fact]
    public void Rain_does_not_count_for_a_trade_that_works_in_the_rain()
    {
        var cleaning = Detailing with { CancelOnRain = false };

        Assert.False(TenToEleven(FairDayWith(11, h => h with { PrecipitationInches = 2.5m }), cleaning).AtRisk);
    }

    [Fact]
    public void Any_measurable_snow_is_a_risk_for_a_trade_that_cancels_on_snow()
    {
        var assessment = TenToEleven(FairDayWith(11, h => h with { SnowfallInches = 0.2m, TemperatureF = 45 }));

        Assert.Equal(["Snow expected 10–11 AM"], assessment.Reasons);
    }

    [Fact]
    public void A_trace_of_snow_or_a_trade_that_works_in_snow_is_no_risk()
    {
        Assert.False(TenToEleven(FairDayWith(11, h => h with { SnowfallInches = 0.004m })).AtRisk);
        Assert.False(TenToEleven(FairDayWith(11, h => h with { SnowfallInches = 1m }), Detailing with { CancelOnSnow = false }).AtRisk);
    }

    [Theory]
    [InlineData("25.4", null)] // reads 25 mph: at the limit
    [InlineData("25.5", "Wind 26 mph expected at 10 AM (limit 25 mph)")]
    [InlineData("28", "Wind 28 mph expected at 10 AM (limit 25 mph)")]
    public void Wind_over_the_limit_at_the_start_is_a_risk(string mph, string? reason)
    {
        var assessment = TenToEleven(FairDayWith(10, h => h with { WindSpeedMph = decimal.Parse(mph, System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.Equal(reason is null ? [] : [reason], assessment.Reasons);
    }

    [Fact]
    public void Wind_when_the_work_ends_counts_and_wind_an_hour_later_does_not()
    {
        Assert.Equal(["Wind 31 mph expected at 11 AM (limit 25 mph)"], TenToEleven(FairDayWith(11, h => h with { WindSpeedMph = 31 })).Reasons);
        Assert.False(TenToEleven(FairDayWith(12, h => h with { WindSpeedMph = 31 })).AtRisk);
    }

    [Theory]
    [InlineData("39.5", null)] // reads 40°F: at the minimum
    [InlineData("39.4", "39°F at 10 AM is below the 40°F minimum")]
    [InlineData("31", "31°F at 10 AM is below the 40°F minimum")]
    [InlineData("95.4", null)]
    [InlineData("95.5", "96°F at 10 AM is above the 95°F maximum")]
    public void Temperature_outside_the_range_is_a_risk(string fahrenheit, string? reason)
    {
        var assessment = TenToEleven(FairDayWith(10, h => h with { TemperatureF = decimal.Parse(fahrenheit, System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.Equal(reason is null ? [] : [reason], assessment.Reasons);
    }

    [Fact]
    public void Below_zero_reads_as_a_negative_temperature()
    {
        var grooming = new WeatherThresholds(CancelOnRain: false, CancelOnSnow: true, 2.0m, 45, -10, 105);

        var assessment = TenToEleven(FairDayWith(10, h => h with { TemperatureF = -12.5m }), grooming);

        Assert.Equal(["-13°F at 10 AM is below the -10°F minimum"], assessment.Reasons);
    }

    [Fact]
    public void Every_reason_is_given_in_a_fixed_order()
    {
        var forecast = FairDay();
        forecast[11] = new HourlyWeather(At(11), 0.4m, 95, 96, 33, 0.1m);

        var assessment = TenToEleven(forecast);

        Assert.Equal(
            "Rain 0.40 in expected 10–11 AM (limit 0.10 in); Snow expected 10–11 AM; Wind 33 mph expected at 11 AM (limit 25 mph); "
            + "96°F at 11 AM is above the 95°F maximum",
            assessment.Reason);
    }

    [Fact]
    public void Work_on_the_half_hour_takes_in_the_hours_either_side()
    {
        var forecast = FairDay();
        forecast[12] = forecast[12] with { PrecipitationInches = 0.2m }; // falls 11–12, during 10:30–11:30
        forecast[10] = forecast[10] with { TemperatureF = 35 }; // at 10:00, just before the start

        var assessment = WeatherRules.Assess(Detailing, forecast, At(10, 30), At(11, 30));

        Assert.Equal(["Rain 0.20 in expected 11 AM–12 PM (limit 0.10 in)", "35°F at 10 AM is below the 40°F minimum"], assessment.Reasons);
    }

    [Fact]
    public void Work_beyond_the_forecast_is_not_judged()
    {
        var assessment = WeatherRules.Assess(Detailing, FairDay(), At(10).AddDays(3), At(11).AddDays(3));

        Assert.False(assessment.Covered);
        Assert.False(assessment.AtRisk);
    }
}
