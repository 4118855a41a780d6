using ServicePro.Host.Hosting;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Scheduling;

/// <summary>
/// The business's booking rules and open times: the availability engine, its data access (one prepared round trip on
/// PostgreSQL, EF Core on SQLite) and the caches in front of it (docs/decisions/0010).
/// </summary>
public sealed class SchedulingModule : HostModule
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PostgresScheduleLoader>();
        builder.Services.AddSingleton<CalendarCache>();
        builder.Services.AddScoped<EfScheduleLoader>();
        builder.Services.AddScoped<IScheduleLoader>(sp => sp.GetRequiredService<DatabaseConnections>().Provider == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresScheduleLoader>()
            : sp.GetRequiredService<EfScheduleLoader>());
        builder.Services.AddScoped<AvailabilityService>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSchedulingSettingsEndpoints();
        endpoints.MapAvailabilityEndpoints();
    }
}
