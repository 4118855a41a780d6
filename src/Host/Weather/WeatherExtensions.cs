using ServicePro.Host.Jobs;

namespace ServicePro.Host.Weather;

public static class WeatherExtensions
{
    /// <summary>Weather-aware rescheduling: the watch, its recurring sweep, and how customers are told.</summary>
    public static WebApplicationBuilder AddWeatherRescheduling(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<WeatherWatch>();
        builder.Services.AddScoped<IWeatherNotifier, TextWeatherNotifier>();
        builder.Services.AddSingleton<WeatherJobs>();
        builder.Services.AddRecurringJob<WeatherJobs>(WeatherJobs.SweepJobId, j => j.SweepAsync(CancellationToken.None), WeatherJobs.SweepSchedule);
        return builder;
    }
}
