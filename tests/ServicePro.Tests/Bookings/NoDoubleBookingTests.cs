using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ServicePro.Host.Bookings;
using ServicePro.Host.Events;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Bookings;

/// <summary>The database, not just the code, keeps a technician from being booked twice.</summary>
public sealed class NoDoubleBookingTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Fact]
    public async Task Fifty_requests_racing_for_one_slot_make_exactly_one_booking()
    {
        var world = await BookingWorld.CreateAsync(app);
        var clients = Enumerable.Range(0, 50).Select(_ => app.ForTenant(world.Slug)).ToList();
        foreach (var client in clients)
        {
            (await client.PostAsJsonAsync("/api/auth/sign-in", new { email = world.Tenant.OwnerEmail, password = ServiceProApp.Password })).EnsureSuccessStatusCode();
        }

        using var start = new SemaphoreSlim(0);
        var racers = clients.Select(async client =>
        {
            await start.WaitAsync();
            return await client.PostAsJsonAsync("/api/bookings", world.Booking(world.At(10)));
        }).ToList();
        start.Release(racers.Count);
        var responses = await Task.WhenAll(racers);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await app.InTenantAsync(world.Slug, db => db.Bookings.CountAsync()));
        Assert.Equal(1, await app.InTenantAsync(world.Slug, db => db.DomainEvents.CountAsync()));
    }

    [Fact]
    public async Task The_exclusion_constraint_refuses_overlaps_but_allows_back_to_back_cancelled_and_other_technicians()
    {
        var world = await BookingWorld.CreateAsync(app, technicians: 2);
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await connection.OpenAsync();
        var tenantId = await app.InTenantAsync(world.Slug, db => Task.FromResult(db.CurrentTenantId));
        await using (var asTenant = new NpgsqlCommand("SELECT set_config('app.tenant_id', @t, false)", connection))
        {
            // Row-level security is forced even for the tables' owner.
            asTenant.Parameters.AddWithValue("t", tenantId.ToString());
            await asTenant.ExecuteScalarAsync();
        }

        async Task InsertAsync(Guid technician, int fromHour, int toHour, string status = "confirmed")
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO bookings (tenant_id, id, customer_id, service_id, technician_id, starts_at, ends_at, status, answers,
                                      estimated_price, notes, source, version, created_at, updated_at)
                VALUES (@t, @id, @c, @s, @tech, @from, @to, @status, '{}', 0, '', 'staff', 0, now(), now())
                """, connection);
            command.Parameters.AddWithValue("t", tenantId);
            command.Parameters.AddWithValue("id", Guid.CreateVersion7());
            command.Parameters.AddWithValue("c", world.CustomerId);
            command.Parameters.AddWithValue("s", world.ServiceId);
            command.Parameters.AddWithValue("tech", technician);
            command.Parameters.AddWithValue("from", world.At(fromHour).UtcDateTime);
            command.Parameters.AddWithValue("to", world.At(toHour).UtcDateTime);
            command.Parameters.AddWithValue("status", status);
            await command.ExecuteNonQueryAsync();
        }

        await InsertAsync(world.Technicians[0], 10, 12);
        await InsertAsync(world.Technicians[0], 12, 13);
        await InsertAsync(world.Technicians[0], 9, 11, "cancelled");
        await InsertAsync(world.Technicians[1], 10, 12);

        var overlap = await Assert.ThrowsAsync<PostgresException>(() => InsertAsync(world.Technicians[0], 11, 12, "pending"));
        Assert.Equal(BookingOverlap.SqlState, overlap.SqlState);
        Assert.Equal(BookingOverlap.ConstraintName, overlap.ConstraintName);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_gets_the_first_answer_and_no_second_booking()
    {
        var world = await BookingWorld.CreateAsync(app);
        var body = world.Booking(world.At(10));

        var first = await PostWithKeyAsync(world.Owner, "key-1", body);
        var retry = await PostWithKeyAsync(world.Owner, "key-1", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await first.Content.ReadFromJsonAsync<BookingJson>())!, (await retry.Content.ReadFromJsonAsync<BookingJson>())!);
        Assert.Equal(1, await app.InTenantAsync(world.Slug, db => db.Bookings.CountAsync()));

        var reused = await PostWithKeyAsync(world.Owner, "key-1", world.Booking(world.At(14)));
        Assert.Contains("different request", (await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var tooLong = await PostWithKeyAsync(world.Owner, new string('k', 201), world.Booking(world.At(14)));
        await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(1, await app.InTenantAsync(world.Slug, db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task Twenty_simultaneous_retries_of_one_request_all_get_the_same_booking()
    {
        var world = await BookingWorld.CreateAsync(app);
        var body = world.Booking(world.At(10));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostWithKeyAsync(world.Owner, "same-key", body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<BookingJson>())!.Id));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await app.InTenantAsync(world.Slug, db => db.Bookings.CountAsync()));
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/bookings") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
