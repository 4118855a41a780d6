using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;
using ServicePro.Host.Hosting;
using ServicePro.Host.Jobs;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Scheduling;

public static class SchedulingExtensions
{
    /// <summary>Availability and bookings: the engine's data access, the estimator both use, the booking service, and
    /// recurring series with their hourly generation sweep.</summary>
    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<JobEstimator>();
        builder.Services.AddScoped<PostgresScheduleLoader>();
        builder.Services.AddSingleton<CalendarCache>();
        builder.Services.AddScoped<EfScheduleLoader>();
        builder.Services.AddScoped<IScheduleLoader>(sp => sp.GetRequiredService<DatabaseConnections>().Provider == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresScheduleLoader>()
            : sp.GetRequiredService<EfScheduleLoader>());
        builder.Services.AddScoped<AvailabilityService>();
        builder.Services.AddScoped<BookingService>();
        builder.Services.AddScoped<IdempotentRequests>();
        builder.Services.AddScoped<SeriesScheduler>();
        builder.Services.AddSingleton<SeriesJobs>();
        builder.Services.AddRecurringJob<SeriesJobs>(SeriesJobs.SweepId, j => j.SweepAsync(CancellationToken.None), SeriesJobs.SweepCron);
        return builder;
    }
}
