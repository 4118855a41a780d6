using ServicePro.Host.Jobs;

namespace ServicePro.Host.Events;

public static class EventsExtensions
{
    public static WebApplicationBuilder AddDomainEvents(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DomainEventOutbox>();
        builder.Services.AddSingleton<DomainEventDispatcher>();
        builder.Services.AddSingleton<DomainEventDelivery>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DomainEventDelivery>());
        builder.Services.AddRecurringJob<DomainEventDispatcher>("domain-events-sweep", d => d.SweepAsync(CancellationToken.None), "*/5 * * * *");
        return builder;
    }
}
