using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Auditing;
using ServicePro.Host.Bookings;
using ServicePro.Host.Events;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Bookings;

/// <summary>A booking's life through /api/bookings, over the real host and PostgreSQL.</summary>
public sealed class BookingApiTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Fact]
    public async Task Staff_book_move_and_cancel_a_job_and_every_step_is_audited_and_published()
    {
        var world = await BookingWorld.CreateAsync(app);

        var created = await world.Owner.PostAsJsonAsync("/api/bookings", world.Booking(world.At(10)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var booking = (await created.Content.ReadFromJsonAsync<BookingJson>())!;
        Assert.Equal("confirmed", booking.Status);
        Assert.Equal("staff", booking.Source);
        Assert.Equal(world.Technicians[0], booking.TechnicianId);
        Assert.Equal(world.At(11), booking.EndsAt);
        Assert.Equal(created.Headers.Location!.ToString(), $"/api/bookings/{booking.Id}");

        var moved = await world.Owner.PostAsJsonAsync($"/api/bookings/{booking.Id}/reschedule", new { startsAt = world.At(14, 30) });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var afterMove = (await moved.Content.ReadFromJsonAsync<BookingJson>())!;
        Assert.Equal(world.At(14, 30), afterMove.StartsAt);
        Assert.Equal(world.At(15, 30), afterMove.EndsAt);
        Assert.Equal(1, afterMove.Version);

        var cancelled = await world.Owner.PostAsJsonAsync($"/api/bookings/{booking.Id}/cancel",
            new { reason = CancellationReasons.Weather, feedback = "Storm coming, will rebook next week." });
        var afterCancel = (await cancelled.Content.ReadFromJsonAsync<BookingJson>())!;
        Assert.Equal("cancelled", afterCancel.Status);
        Assert.Equal("weather", afterCancel.CancellationReason);
        Assert.Equal("Storm coming, will rebook next week.", afterCancel.CancellationFeedback);

        var (audit, events) = await app.InTenantAsync(world.Slug, async db => (
            await db.AuditLog.Where(a => a.EntityId == booking.Id.ToString()).OrderBy(a => a.At).Select(a => a.Action).ToListAsync(),
            await db.DomainEvents.Where(e => e.EntityId == booking.Id.ToString()).OrderBy(e => e.OccurredAt).ToListAsync()));
        Assert.Equal(["booking.created", "booking.rescheduled", "booking.cancelled"], audit);
        Assert.Equal(["booking.created", "booking.rescheduled", "booking.cancelled"], events.Select(e => e.Type));
        Assert.Equal(world.At(10).ToString("O"), events[1].Data["previous_starts_at"]);

        // The cancelled job's time is free again.
        var open = await world.Owner.GetFromJsonAsync<AvailabilityJson>(
            $"/api/availability?serviceId={world.ServiceId}&from={world.Day:yyyy-MM-dd}&to={world.Day:yyyy-MM-dd}");
        Assert.Equal(15, open!.Slots.Count);
    }

    [Fact]
    public async Task Owners_book_outside_the_rules_for_a_named_technician_but_never_over_another_booking()
    {
        var world = await BookingWorld.CreateAsync(app);
        object Evening(int hour, int minute, Guid? technicianId) => new
        {
            customerId = world.CustomerId,
            serviceId = world.ServiceId,
            startsAt = world.At(hour, minute),
            technicianId,
            outsideTheRules = true,
        };

        // The rules close at 17:00; the owner books the regular customer at 18:30 anyway.
        await (await world.Owner.PostAsJsonAsync("/api/bookings", world.Booking(world.At(18, 30)))).AssertProblemAsync(HttpStatusCode.Conflict);
        var created = await world.Owner.PostAsJsonAsync("/api/bookings", Evening(18, 30, world.Technicians[0]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var booking = (await created.Content.ReadFromJsonAsync<BookingJson>())!;
        Assert.Equal(("confirmed", world.At(19, 30)), (booking.Status, booking.EndsAt));
        var published = await app.InTenantAsync(world.Slug, db => db.DomainEvents.SingleAsync(e => e.EntityId == booking.Id.ToString()));
        Assert.Equal("true", published.Data["outside_the_rules"]);

        // No rule is waived for an overlap: the database refuses it, and the answer still offers open times.
        var overlap = await world.Owner.PostAsJsonAsync("/api/bookings", Evening(19, 0, world.Technicians[0]));
        Assert.NotEmpty((await overlap.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("alternatives").EnumerateArray());

        var unnamed = await world.Owner.PostAsJsonAsync("/api/bookings", Evening(20, 0, null));
        Assert.True((await unnamed.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("technicianId", out _));
        var nobody = await world.Owner.PostAsJsonAsync("/api/bookings", Evening(20, 0, Guid.NewGuid()));
        await nobody.AssertProblemAsync(HttpStatusCode.BadRequest);

        var technician = await app.SignedInAsync(world.Slug, await app.AddStaffAsync(world.Slug, "technician"));
        await (await technician.PostAsJsonAsync("/api/bookings", Evening(20, 0, world.Technicians[0]))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(1, await app.InTenantAsync(world.Slug, db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task Recorded_events_reach_the_dispatcher_and_are_marked_delivered()
    {
        var world = await BookingWorld.CreateAsync(app);
        (await world.Owner.PostAsJsonAsync("/api/bookings", world.Booking(world.At(10)))).EnsureSuccessStatusCode();

        await Eventually.UntilAsync(
            async () => !await app.InTenantAsync(world.Slug, db => db.DomainEvents.AnyAsync(e => e.DispatchedAt == null)),
            "The booking.created event was not delivered");
    }

    [Fact]
    public async Task A_taken_time_is_a_409_that_offers_the_nearest_open_times()
    {
        var world = await BookingWorld.CreateAsync(app);
        (await world.Owner.PostAsJsonAsync("/api/bookings", world.Booking(world.At(10)))).EnsureSuccessStatusCode();

        var response = await world.Owner.PostAsJsonAsync("/api/bookings", world.Booking(world.At(10, 30)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("That time is taken", problem.GetProperty("title").GetString());
        Assert.Contains("is not available", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var alternatives = problem.GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("startsAt").GetDateTimeOffset()).ToList();
        Assert.Equal(5, alternatives.Count);
        Assert.Contains(world.At(11, 30), alternatives);
        Assert.DoesNotContain(world.At(10, 30), alternatives);
        Assert.Equal(1, await app.InTenantAsync(world.Slug, db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task States_move_only_forward_and_a_wrong_move_changes_nothing()
    {
        var world = await BookingWorld.CreateAsync(app);
        var booking = (await (await world.Owner.PostAsJsonAsync("/api/bookings", world.Booking(world.At(10)))).Content.ReadFromJsonAsync<BookingJson>())!;

        await (await world.Owner.PostAsync(new Uri($"/api/bookings/{booking.Id}/confirm", UriKind.Relative), null)).AssertProblemAsync(HttpStatusCode.Conflict);
        var early = await world.Owner.PostAsync(new Uri($"/api/bookings/{booking.Id}/complete", UriKind.Relative), null);
        Assert.Contains("before it has started", (await early.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await world.Owner.PostAsync(new Uri($"/api/bookings/{booking.Id}/no-show", UriKind.Relative), null)).AssertProblemAsync(HttpStatusCode.Conflict);
        var noReason = await world.Owner.PostAsJsonAsync($"/api/bookings/{booking.Id}/cancel", new { feedback = "x" });
        Assert.NotEmpty((await noReason.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("reason"));

        // A past job can be completed: move it back in time in the database, as if the day had come.
        await app.InTenantAsync(world.Slug, db => db.Bookings.Where(b => b.Id == booking.Id)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.StartsAt, DateTimeOffset.UtcNow.AddHours(-2)).SetProperty(x => x.EndsAt, DateTimeOffset.UtcNow.AddHours(-1))));
        var completed = await world.Owner.PostAsync(new Uri($"/api/bookings/{booking.Id}/complete", UriKind.Relative), null);
        Assert.Equal("completed", (await completed.Content.ReadFromJsonAsync<BookingJson>())!.Status);
        await (await world.Owner.PostAsJsonAsync($"/api/bookings/{booking.Id}/cancel", new { reason = "other" })).AssertProblemAsync(HttpStatusCode.Conflict);

        var actions = await app.InTenantAsync(world.Slug, db => db.AuditLog.Where(a => a.EntityId == booking.Id.ToString()).OrderBy(a => a.At).Select(a => a.Action).ToListAsync());
        Assert.Equal(["booking.created", "booking.completed"], actions);
    }

    [Theory]
    [InlineData("{\"serviceId\":\"SERVICE\",\"startsAt\":\"START\",\"customerId\":\"00000000-0000-0000-0000-000000000009\"}", "customerId")]
    [InlineData("{\"customerId\":\"CUSTOMER\",\"serviceId\":\"00000000-0000-0000-0000-000000000009\",\"startsAt\":\"START\"}", "serviceId")]
    [InlineData("{\"customerId\":\"CUSTOMER\",\"serviceId\":\"SERVICE\",\"startsAt\":\"START\",\"lat\":36.1}", "lat")]
    [InlineData("{\"customerId\":\"CUSTOMER\",\"serviceId\":\"SERVICE\",\"startsAt\":\"START\",\"answers\":{\"vehicle_size\":\"boat\"}}", "vehicle_size")]
    [InlineData("{\"customerId\":\"CUSTOMER\",\"serviceId\":\"SERVICE\",\"startsAt\":\"START\",\"assetId\":\"00000000-0000-0000-0000-000000000009\"}", "assetId")]
    public async Task Bad_bookings_are_refused_with_the_field_named_and_nothing_stored(string body, string field)
    {
        var world = await BookingWorld.CreateAsync(app);
        var json = body.Replace("SERVICE", world.ServiceId.ToString(), StringComparison.Ordinal)
            .Replace("CUSTOMER", world.CustomerId.ToString(), StringComparison.Ordinal)
            .Replace("START", world.At(10).ToString("O"), StringComparison.Ordinal);

        var response = await world.Owner.PostAsync(new Uri("/api/bookings", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.NotEmpty((await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field));
        Assert.Equal(0, await app.InTenantAsync(world.Slug, db => db.Bookings.CountAsync()));
        Assert.Equal(0, await app.InTenantAsync(world.Slug, db => db.DomainEvents.CountAsync()));
    }

    [Fact]
    public async Task A_job_outside_the_service_area_is_refused_with_the_distance()
    {
        var world = await BookingWorld.CreateAsync(app);

        var response = await world.Owner.PostAsJsonAsync("/api/bookings", new
        {
            customerId = world.CustomerId,
            serviceId = world.ServiceId,
            startsAt = world.At(10),
            lat = 35.4676,
            lng = -97.5164,
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("miles away", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenant_cannot_see_or_change_a_booking()
    {
        var world = await BookingWorld.CreateAsync(app);
        var other = await BookingWorld.CreateAsync(app);
        var booking = (await (await world.Owner.PostAsJsonAsync("/api/bookings", world.Booking(world.At(10)))).Content.ReadFromJsonAsync<BookingJson>())!;

        await (await other.Owner.GetAsync(new Uri($"/api/bookings/{booking.Id}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Owner.PostAsJsonAsync($"/api/bookings/{booking.Id}/cancel", new { reason = "other" })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await other.Owner.GetFromJsonAsync<List<BookingJson>>($"/api/bookings?from={Uri.EscapeDataString(world.At(0).ToString("O"))}"))!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ForTenant(world.Slug).GetAsync(new Uri("/api/bookings", UriKind.Relative))).StatusCode);
    }
}
