using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Bookings;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Bookings;

/// <summary>A booking the checks refuse is refused before its idempotency fingerprint is taken, and leaves nothing behind.</summary>
public sealed class BookingValidationTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Theory]
    [InlineData("NaN", "NaN")]
    [InlineData("Infinity", "-95.9")]
    public async Task A_location_that_is_not_a_number_is_a_400_problem_and_saves_no_booking_or_key(string lat, string lng)
    {
        var world = await BookingWorld.CreateAsync(app);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/bookings")
        {
            // JSON strings: the web defaults read numbers from strings, "NaN" and "Infinity" included.
            Content = JsonContent.Create(new { customerId = world.CustomerId, serviceId = world.ServiceId, startsAt = world.At(10), lat, lng }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await world.Owner.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor("lat"));
        Assert.Equal((0, 0), await app.InTenantAsync(world.Slug, async db => (await db.Bookings.CountAsync(), await db.IdempotencyKeys.CountAsync())));
    }
}
