using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;

namespace ServicePro.Host.Scheduling;

public static class SchedulingExtensions
{
    /// <summary>Availability and bookings: the engine's data access, the estimator both use, and the booking service.</summary>
    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<JobEstimator>();
        builder.Services.AddScoped<ScheduleLoader>();
        builder.Services.AddScoped<AvailabilityService>();
        builder.Services.AddScoped<BookingService>();
        builder.Services.AddScoped<IdempotentRequests>();
        return builder;
    }
}
