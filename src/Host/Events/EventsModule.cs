using ServicePro.Host.Hosting;
using ServicePro.Host.Jobs;

namespace ServicePro.Host.Events;

/// <summary>Domain events: an outbox written in the change's transaction, delivered after commit and swept for retries.</summary>
public sealed class EventsModule : HostModule
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DomainEventOutbox>();
        builder.Services.AddSingleton<DomainEventDispatcher>();
        builder.Services.AddSingleton<DomainEventDelivery>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DomainEventDelivery>());
        builder.Services.AddRecurringJob<DomainEventDispatcher>("domain-events-sweep", d => d.SweepAsync(CancellationToken.None), "*/5 * * * *");
    }
}
