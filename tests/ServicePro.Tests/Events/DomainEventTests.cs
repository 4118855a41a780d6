using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Host.Bookings;
using ServicePro.Host.Events;
using ServicePro.Host.Tenancy;
using ServicePro.Tests.Bookings;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Events;

/// <summary>A subscriber that remembers what it saw and can be told to fail.</summary>
public sealed class RecordingHandler : IDomainEventHandler
{
    public ConcurrentQueue<(Guid Id, string Type)> Seen { get; } = new();

    /// <summary>Event types that throw until cleared.</summary>
    public ConcurrentDictionary<string, bool> Failing { get; } = new();

    public Task HandleAsync(DomainEvent domainEvent, CancellationToken ct)
    {
        Seen.Enqueue((domainEvent.Id, domainEvent.Type));
        return Failing.ContainsKey(domainEvent.Type)
            ? throw new InvalidOperationException($"Subscriber down for {domainEvent.Type}")
            : Task.CompletedTask;
    }
}

public sealed class EventsApp : ServiceProApp
{
    public RecordingHandler Handler { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IDomainEventHandler>(Handler));
    }
}

/// <summary>Events are stored with the change, delivered after it, and retried until every subscriber has them.</summary>
public sealed class DomainEventTests(EventsApp app) : IClassFixture<EventsApp>
{
    [Fact]
    public async Task A_subscriber_receives_each_booking_event_after_the_change_is_committed()
    {
        var world = await BookingWorld.CreateAsync(app);
        var booking = await (await world.Owner.PostAsJsonAsync("/api/bookings", world.Booking(world.At(10)))).Content.ReadFromJsonAsync<BookingJson>();
        (await world.Owner.PostAsJsonAsync($"/api/bookings/{booking!.Id}/cancel", new { reason = "price" })).EnsureSuccessStatusCode();

        var events = await app.InTenantAsync(world.Slug, db => db.DomainEvents.Where(e => e.EntityId == booking.Id.ToString()).ToListAsync());
        await Eventually.UntilAsync(() => events.All(e => app.Handler.Seen.Any(s => s.Id == e.Id)), "The subscriber did not see every booking event");
        Assert.Equal(["booking.created", "booking.cancelled"], events.OrderBy(e => e.OccurredAt).Select(e => e.Type));
    }

    [Fact]
    public async Task A_failing_subscriber_leaves_the_event_pending_with_its_error_until_a_retry_succeeds()
    {
        var world = await BookingWorld.CreateAsync(app);
        app.Handler.Failing["booking.no_show"] = true;
        var booking = await (await world.Owner.PostAsJsonAsync("/api/bookings", world.Booking(world.At(10)))).Content.ReadFromJsonAsync<BookingJson>();
        await app.InTenantAsync(world.Slug, db => db.Bookings.Where(b => b.Id == booking!.Id)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.StartsAt, DateTimeOffset.UtcNow.AddHours(-1)).SetProperty(x => x.EndsAt, DateTimeOffset.UtcNow)));
        (await world.Owner.PostAsync(new Uri($"/api/bookings/{booking!.Id}/no-show", UriKind.Relative), null)).EnsureSuccessStatusCode();

        var dispatcher = app.Services.GetRequiredService<DomainEventDispatcher>();
        var tenantId = (await app.Services.GetRequiredService<TenantDirectory>().FindBySlugAsync(world.Slug))!.Id;
        // The delivery the request asked for runs at once in this process, fails, records why, and hands the retry to
        // Hangfire (with backoff).
        await Eventually.UntilAsync(
            async () => (await app.InTenantAsync(world.Slug, db => db.DomainEvents.SingleAsync(e => e.Type == "booking.no_show"))).LastError is not null,
            "The failed delivery recorded no error");
        var jobs = app.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        await Eventually.UntilAsync(
            () => jobs.ScheduledJobs(0, 1000).Any(j => j.Value.Job.Method.Name == nameof(DomainEventDispatcher.DispatchAsync) && Equals(j.Value.Job.Args[0], tenantId)),
            "No retry of the delivery was scheduled");
        var failed = await app.InTenantAsync(world.Slug, db => db.DomainEvents.SingleAsync(e => e.Type == "booking.no_show"));
        Assert.Null(failed.DispatchedAt);
        Assert.Contains("Subscriber down for booking.no_show", failed.LastError, StringComparison.Ordinal);
        Assert.True(failed.Attempts >= 1);

        app.Handler.Failing.Clear();
        await Eventually.UntilAsync(
            async () =>
            {
                await dispatcher.DispatchAsync(tenantId, CancellationToken.None);
                return (await app.InTenantAsync(world.Slug, db => db.DomainEvents.SingleAsync(e => e.Type == "booking.no_show"))).DispatchedAt is not null;
            },
            "The retry did not deliver the event");
        var delivered = await app.InTenantAsync(world.Slug, db => db.DomainEvents.SingleAsync(e => e.Type == "booking.no_show"));
        Assert.Null(delivered.LastError);
        Assert.True(app.Handler.Seen.Count(s => s.Id == delivered.Id) >= 2, "the failed delivery and the retry");
    }
}
