using ServicePro.Host.Hosting;
using ServicePro.Host.Jobs;

namespace ServicePro.Host.Weather;

/// <summary>Weather-aware rescheduling: the watch, its recurring sweep, and how customers are told.</summary>
public sealed class WeatherModule : HostModule
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<WeatherWatch>();
        builder.Services.AddScoped<IWeatherNotifier, TextWeatherNotifier>();
        builder.Services.AddSingleton<WeatherJobs>();
        builder.Services.AddRecurringJob<WeatherJobs>(WeatherJobs.SweepJobId, j => j.SweepAsync(CancellationToken.None), WeatherJobs.SweepSchedule);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapWeatherEndpoints();
}
