using ServicePro.Host.Hosting;

namespace ServicePro.Host.Calendar;

/// <summary>The admin's day and week pictures (pages) and technicians' private calendar feeds.</summary>
public sealed class CalendarModule : HostModule
{
    public override void AddServices(WebApplicationBuilder builder) => builder.Services.AddScoped<CalendarFeedLinks>();

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapCalendarFeedEndpoints();
}
