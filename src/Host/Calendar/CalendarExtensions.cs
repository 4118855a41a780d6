namespace ServicePro.Host.Calendar;

public static class CalendarExtensions
{
    /// <summary>Technicians' calendar feeds.</summary>
    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CalendarFeedLinks>();
        return builder;
    }
}
