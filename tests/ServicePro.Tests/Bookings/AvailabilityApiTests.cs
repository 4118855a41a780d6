using System.Net;
using System.Net.Http.Json;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Bookings;

/// <summary>GET /api/availability over the real host and PostgreSQL.</summary>
public sealed class AvailabilityApiTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Fact]
    public async Task Staff_see_every_half_hour_start_that_fits_before_closing_and_who_is_free()
    {
        var world = await BookingWorld.CreateAsync(app, technicians: 2);

        var open = await world.Owner.GetFromJsonAsync<AvailabilityJson>(
            $"/api/availability?serviceId={world.ServiceId}&from={world.Day:yyyy-MM-dd}&to={world.Day:yyyy-MM-dd}");

        Assert.Equal(BookingWorld.Zone, open!.TimeZone);
        Assert.Equal(60, open.DurationMinutes);
        // 09:00 to 16:00 in half hours: a 60-minute job must end by 17:00.
        Assert.Equal(15, open.Slots.Count);
        Assert.Equal($"{world.Day:yyyy-MM-dd}T09:00", open.Slots[0].LocalStart);
        Assert.Equal(world.At(9), open.Slots[0].StartsAt);
        Assert.Equal($"{world.Day:yyyy-MM-dd}T16:00", open.Slots[^1].LocalStart);
        Assert.All(open.Slots, s => Assert.Equal(world.Technicians.Order(), s.Technicians!.Order()));
    }

    [Fact]
    public async Task A_booking_and_its_buffer_take_that_technicians_time_out_of_the_answer()
    {
        var world = await BookingWorld.CreateAsync(app);
        (await world.Owner.PostAsJsonAsync("/api/bookings", world.Booking(world.At(11)))).EnsureSuccessStatusCode();

        var open = await world.Owner.GetFromJsonAsync<AvailabilityJson>(
            $"/api/availability?serviceId={world.ServiceId}&from={world.Day:yyyy-MM-dd}&to={world.Day:yyyy-MM-dd}");

        var starts = open!.Slots.Select(s => s.LocalStart[11..]).ToList();
        // 11:00–12:00 is booked; with 30 minutes either side, 09:30 is the last start before it and 12:30 the first after.
        Assert.Equal(["09:00", "09:30", "12:30", "13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00"], starts);
    }

    [Fact]
    public async Task The_public_booking_widget_sees_open_times_but_not_who_works_them()
    {
        var world = await BookingWorld.CreateAsync(app);
        var anonymous = app.ForTenant(world.Slug);

        var open = await anonymous.GetFromJsonAsync<AvailabilityJson>($"/api/availability?serviceId={world.ServiceId}&from={world.Day:yyyy-MM-dd}");

        Assert.Equal(15, open!.Slots.Count(s => s.LocalStart.StartsWith($"{world.Day:yyyy-MM-dd}", StringComparison.Ordinal)));
        Assert.All(open.Slots, s => Assert.Null(s.Technicians));
        var asked = await anonymous.GetAsync(new Uri($"/api/availability?serviceId={world.ServiceId}&technicianId={world.Technicians[0]}", UriKind.Relative));
        Assert.Equal(["Only the business's staff can ask for this."], (await asked.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("technicianId"));
    }

    [Fact]
    public async Task Another_businesss_owner_sees_open_times_like_any_visitor_without_technician_ids()
    {
        var world = await BookingWorld.CreateAsync(app);
        var other = await app.CreateTenantAsync();
        // The other owner's own sign-in cookie, sent to this business's address.
        var signIn = app.CreateClient(new() { BaseAddress = new Uri($"http://{other.Slug}.servicepro.localhost/"), HandleCookies = false });
        var signedIn = await signIn.PostAsJsonAsync("/api/auth/sign-in", new { email = other.OwnerEmail, password = other.OwnerPassword });
        Assert.Equal(HttpStatusCode.NoContent, signedIn.StatusCode);
        var cookie = string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var foreign = app.CreateClient(new() { BaseAddress = new Uri($"http://{world.Slug}.servicepro.localhost/"), HandleCookies = false });
        foreign.DefaultRequestHeaders.Add("Cookie", cookie);

        var open = await foreign.GetFromJsonAsync<AvailabilityJson>($"/api/availability?serviceId={world.ServiceId}&from={world.Day:yyyy-MM-dd}");
        var asked = await foreign.GetAsync(new Uri($"/api/availability?serviceId={world.ServiceId}&technicianId={world.Technicians[0]}", UriKind.Relative));

        Assert.NotEmpty(open!.Slots);
        Assert.All(open.Slots, s => Assert.Null(s.Technicians));
        Assert.Equal(["Only the business's staff can ask for this."], (await asked.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("technicianId"));
        // The same cookie at its own business still counts as staff there.
        var own = app.CreateClient(new() { BaseAddress = new Uri($"http://{other.Slug}.servicepro.localhost/"), HandleCookies = false });
        own.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_address_outside_the_service_area_gets_a_clear_answer_not_empty_times()
    {
        var world = await BookingWorld.CreateAsync(app);

        // Oklahoma City is about 100 miles from the default Tulsa area (26 miles).
        var response = await world.Owner.GetAsync(new Uri($"/api/availability?serviceId={world.ServiceId}&lat=35.4676&lng=-97.5164", UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Outside the service area", problem.GetProperty("title").GetString());
        Assert.InRange(problem.GetProperty("distanceMiles").GetDouble(), 95, 110);
        Assert.Equal(26, problem.GetProperty("radiusMiles").GetDouble());
        Assert.Contains("outside the 26-mile area", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var inside = await world.Owner.GetAsync(new Uri($"/api/availability?serviceId={world.ServiceId}&lat=36.10&lng=-95.90", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
    }

    [Fact]
    public async Task Intake_answers_set_the_length_and_price_of_the_job()
    {
        var world = await BookingWorld.CreateAsync(app);

        var compact = await world.Owner.GetFromJsonAsync<AvailabilityJson>(
            $"/api/availability?serviceId={world.ServiceId}&from={world.Day:yyyy-MM-dd}&answers.vehicle_size=compact&answers.vehicle_make_model=2019%20Civic&answers.condition=normal");
        var large = await world.Owner.GetFromJsonAsync<AvailabilityJson>(
            $"/api/availability?serviceId={world.ServiceId}&from={world.Day:yyyy-MM-dd}&answers.vehicle_size=large_suv&answers.vehicle_make_model=2021%20Tahoe&answers.condition=normal");

        Assert.True(large!.DurationMinutes > compact!.DurationMinutes, $"{large.DurationMinutes} vs {compact.DurationMinutes}");
        Assert.True(large.EstimatedPrice > compact.EstimatedPrice);
        Assert.True(large.Slots.Count < compact.Slots.Count);
    }

    [Theory]
    [InlineData("from=2026-01-01&to=2026-12-31", "to")]
    [InlineData("durationMinutes=2", "durationMinutes")]
    [InlineData("lat=36.1", "lat")]
    [InlineData("answers.vehicle_size=spaceship", "vehicle_size")]
    public async Task Bad_questions_get_a_problem_naming_the_field(string query, string field)
    {
        var world = await BookingWorld.CreateAsync(app);

        var response = await world.Owner.GetAsync(new Uri($"/api/availability?serviceId={world.ServiceId}&{query}", UriKind.Relative));

        Assert.NotEmpty((await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field));
    }

    [Fact]
    public async Task Another_tenants_service_does_not_exist_here()
    {
        var world = await BookingWorld.CreateAsync(app);
        var other = await BookingWorld.CreateAsync(app);

        var response = await other.Owner.GetAsync(new Uri($"/api/availability?serviceId={world.ServiceId}", UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
