using ServicePro.Host.Bookings;
using ServicePro.Host.Hosting;
using ServicePro.Host.Jobs;

namespace ServicePro.Host.Series;

/// <summary>Recurring series of bookings, with the hourly sweep that books their next visits (docs/decisions/0012).</summary>
public sealed class SeriesModule : HostModule
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SeriesScheduler>();
        builder.Services.AddSingleton<SeriesJobs>();
        builder.Services.AddRecurringJob<SeriesJobs>(SeriesJobs.SweepId, j => j.SweepAsync(CancellationToken.None), SeriesJobs.SweepCron);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapSeriesEndpoints();
}
