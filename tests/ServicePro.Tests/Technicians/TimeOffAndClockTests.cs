using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Bookings;
using ServicePro.Host.Technicians;
using ServicePro.Tests.Infrastructure;
using static ServicePro.Tests.Technicians.TechnicianTestData;

namespace ServicePro.Tests.Technicians;

public sealed class TimeOffAndClockTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    private static readonly DateTimeOffset NextWeek = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(7);

    [Fact]
    public async Task A_technician_asks_for_time_off_and_the_owner_approves_it_learning_which_bookings_to_move()
    {
        var tenant = await app.CreateTenantAsync();
        var (tech, technicianId) = await AddLinkedTechnicianAsync(app, tenant);
        var starts = NextWeek.AddHours(13);
        var inside = await InsertBookingAsync(app, tenant.Slug, technicianId, starts.AddHours(2));
        var straddling = await InsertBookingAsync(app, tenant.Slug, technicianId, starts.AddMinutes(-30), status: BookingStatus.Pending);
        await InsertBookingAsync(app, tenant.Slug, technicianId, starts.AddHours(4), status: BookingStatus.Cancelled);
        await InsertBookingAsync(app, tenant.Slug, technicianId, starts.AddDays(2)); // after the time off

        // Sent with the tenant's offset; stored and answered in UTC.
        var asked = await (await tech.Client.PostAsJsonAsync($"/api/technicians/{technicianId}/time-off",
            new { startsAt = starts.ToOffset(TimeSpan.FromHours(-5)), endsAt = starts.AddDays(1).ToOffset(TimeSpan.FromHours(-5)), reason = "Dentist" }))
            .JsonAsync(HttpStatusCode.Created);
        var id = asked.GetProperty("id").GetGuid();
        Assert.Equal("pending", asked.GetProperty("status").GetString());
        Assert.Equal($"user:{tech.UserId}", asked.GetProperty("requestedBy").GetString());
        Assert.Equal(starts, asked.GetProperty("startsAt").GetDateTimeOffset());

        var pending = await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/time-off?status=pending");
        Assert.Equal("Linked Lee", Assert.Single(pending!).GetProperty("technicianName").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await tech.Client.PostAsJsonAsync($"/api/time-off/{id}/approve", new { })).StatusCode);

        var approval = await (await tenant.Owner.PostAsJsonAsync($"/api/time-off/{id}/approve", new { note = "Covered by Sam" }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal([straddling, inside], approval.GetProperty("affectedBookingIds").EnumerateArray().Select(b => b.GetGuid()));
        var decided = approval.GetProperty("timeOff");
        Assert.Equal("approved", decided.GetProperty("status").GetString());
        Assert.Equal("Covered by Sam", decided.GetProperty("decisionNote").GetString());
        Assert.StartsWith("user:", decided.GetProperty("decidedBy").GetString());
        Assert.True(decided.GetProperty("decidedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Empty((await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/time-off?status=pending"))!);
        await (await tenant.Owner.PostAsJsonAsync($"/api/time-off/{id}/decline", new { })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["time_off.requested", "time_off.approved"], await AuditActionsAsync(app, tenant.Slug, id));
    }

    [Fact]
    public async Task Staff_cannot_ask_for_someone_elses_time_off_nor_decide_and_admins_can_ask_for_anyone()
    {
        var tenant = await app.CreateTenantAsync();
        var (_, technicianId) = await AddLinkedTechnicianAsync(app, tenant);
        var (otherTech, _) = await AddLinkedTechnicianAsync(app, tenant, "Other Olly");
        var staff = await AddStaffAsync(app, tenant, "staff");
        var admin = await AddStaffAsync(app, tenant, "admin");
        var body = new { startsAt = NextWeek, endsAt = NextWeek.AddDays(2) };

        await (await staff.Client.PostAsJsonAsync($"/api/technicians/{technicianId}/time-off", body)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await otherTech.Client.PostAsJsonAsync($"/api/technicians/{technicianId}/time-off", body)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var id = (await (await admin.Client.PostAsJsonAsync($"/api/technicians/{technicianId}/time-off", body)).JsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Client.PostAsJsonAsync($"/api/time-off/{id}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Client.PostAsJsonAsync($"/api/time-off/{id}/decline", new { })).StatusCode);
        await (await staff.Client.PostEmptyAsync($"/api/time-off/{id}/withdraw")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await otherTech.Client.PostEmptyAsync($"/api/time-off/{id}/withdraw")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("pending", Assert.Single((await staff.Client.GetFromJsonAsync<JsonElement[]>("/api/time-off"))!).GetProperty("status").GetString());
    }

    public static TheoryData<string, string> BadTimeOff => new()
    {
        { $$"""{"startsAt":"{{NextWeek:O}}","endsAt":"{{NextWeek.AddHours(-1):O}}"}""", "endsAt" },
        { $$"""{"startsAt":"{{NextWeek:O}}","endsAt":"{{NextWeek:O}}"}""", "endsAt" },
        { $$"""{"endsAt":"{{NextWeek:O}}"}""", "startsAt" },
        { $$"""{"startsAt":"{{NextWeek:O}}"}""", "endsAt" },
        { $$"""{"startsAt":"{{NextWeek:O}}","endsAt":"{{NextWeek.AddDays(TechnicianRules.MaxTimeOffDays).AddMinutes(1):O}}"}""", "endsAt" },
        { $$"""{"startsAt":"{{NextWeek:O}}","endsAt":"{{NextWeek.AddDays(1):O}}","reason":"{{new string('x', 501)}}"}""", "reason" },
    };

    [Theory]
    [MemberData(nameof(BadTimeOff))]
    public async Task Bad_time_off_is_refused_and_nothing_is_recorded(string body, string field)
    {
        var tenant = await app.CreateTenantAsync();
        var technicianId = await CreateTechnicianAsync(tenant.Owner);

        var response = await tenant.Owner.PostAsync(new Uri($"/api/technicians/{technicianId}/time-off", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.NotEmpty((await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field));
        Assert.Empty((await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/time-off"))!);
    }

    [Fact]
    public async Task Requests_can_be_declined_or_withdrawn_once_and_overlapping_ones_are_refused()
    {
        var tenant = await app.CreateTenantAsync();
        var (tech, technicianId) = await AddLinkedTechnicianAsync(app, tenant);
        var path = $"/api/technicians/{technicianId}/time-off";
        var first = (await (await tech.Client.PostAsJsonAsync(path, new { startsAt = NextWeek, endsAt = NextWeek.AddDays(1) }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await (await tech.Client.PostAsJsonAsync(path, new { startsAt = NextWeek.AddHours(12), endsAt = NextWeek.AddDays(2) }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        var declined = await (await tenant.Owner.PostAsJsonAsync($"/api/time-off/{first}/decline", new { note = "Busy week" })).JsonAsync(HttpStatusCode.OK);
        await (await tech.Client.PostEmptyAsync($"/api/time-off/{first}/withdraw")).AssertProblemAsync(HttpStatusCode.Conflict);

        // Declined time off no longer stands in the way of asking again.
        var second = (await (await tech.Client.PostAsJsonAsync(path, new { startsAt = NextWeek.AddHours(12), endsAt = NextWeek.AddDays(2) }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var withdrawn = await (await tech.Client.PostEmptyAsync($"/api/time-off/{second}/withdraw")).JsonAsync(HttpStatusCode.OK);
        await (await tenant.Owner.PostAsJsonAsync($"/api/time-off/{second}/approve", new { })).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("declined", declined.GetProperty("status").GetString());
        Assert.Equal("Busy week", declined.GetProperty("decisionNote").GetString());
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        Assert.Equal(["declined", "withdrawn"], (await tenant.Owner.GetFromJsonAsync<JsonElement[]>($"/api/time-off?technicianId={technicianId}"))!
            .Select(r => r.GetProperty("status").GetString()));
        await (await tenant.Owner.GetAsync(new Uri("/api/time-off?status=maybe", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["time_off.requested", "time_off.withdrawn"], await AuditActionsAsync(app, tenant.Slug, second));
    }

    [Fact]
    public async Task Another_business_cannot_see_or_decide_time_off()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var technicianId = await CreateTechnicianAsync(tenant.Owner);
        var id = (await (await tenant.Owner.PostAsJsonAsync($"/api/technicians/{technicianId}/time-off",
            new { startsAt = NextWeek, endsAt = NextWeek.AddDays(1) })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        Assert.Empty((await other.Owner.GetFromJsonAsync<JsonElement[]>("/api/time-off"))!);
        await (await other.Owner.PostAsJsonAsync($"/api/time-off/{id}/approve", new { })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Owner.PostEmptyAsync($"/api/time-off/{id}/withdraw")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("pending", Assert.Single((await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/time-off"))!).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Clocking_in_twice_is_a_conflict_and_clocking_out_closes_the_entry()
    {
        var tenant = await app.CreateTenantAsync();
        var (tech, technicianId) = await AddLinkedTechnicianAsync(app, tenant);
        var colleague = await CreateTechnicianAsync(tenant.Owner, "Colleague Cam");
        var booking = await InsertBookingAsync(app, tenant.Slug, technicianId, DateTimeOffset.UtcNow.AddMinutes(-10));
        var theirs = await InsertBookingAsync(app, tenant.Slug, colleague, DateTimeOffset.UtcNow.AddMinutes(-10));
        var staff = await AddStaffAsync(app, tenant, "staff");
        var clockIn = $"/api/technicians/{technicianId}/clock-in";

        await (await staff.Client.PostAsJsonAsync(clockIn, new { })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.NotEmpty((await (await tech.Client.PostAsJsonAsync(clockIn, new { bookingId = theirs })).AssertProblemAsync(HttpStatusCode.BadRequest))
            .ErrorsFor("bookingId"));
        var opened = await (await tech.Client.PostAsJsonAsync(clockIn, new { bookingId = booking, note = "On site" })).JsonAsync(HttpStatusCode.Created);
        var twice = await (await tech.Client.PostEmptyAsync(clockIn)).AssertProblemAsync(HttpStatusCode.Conflict);
        var closed = await (await tech.Client.PostAsJsonAsync($"/api/technicians/{technicianId}/clock-out", new { note = "Done" }))
            .JsonAsync(HttpStatusCode.OK);
        await (await tech.Client.PostEmptyAsync($"/api/technicians/{technicianId}/clock-out")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(booking, opened.GetProperty("bookingId").GetGuid());
        Assert.Contains("already clocked in", twice.GetProperty("detail").GetString());
        Assert.Equal(opened.GetProperty("id").GetGuid(), closed.GetProperty("id").GetGuid());
        Assert.Equal("On site · Done", closed.GetProperty("note").GetString());
        Assert.Equal(JsonValueKind.String, closed.GetProperty("endedAt").ValueKind);
        Assert.Equal(["time_entry.clocked_in", "time_entry.clocked_out"], await AuditActionsAsync(app, tenant.Slug, closed.GetProperty("id").GetGuid()));
        await (await staff.Client.GetAsync(new Uri($"/api/technicians/{technicianId}/time-entries", UriKind.Relative)))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Ten_simultaneous_clock_ins_open_one_entry()
    {
        var tenant = await app.CreateTenantAsync();
        var technicianId = await CreateTechnicianAsync(tenant.Owner, "Racing Rae");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => tenant.Owner.PostEmptyAsync($"/api/technicians/{technicianId}/clock-in")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await app.InTenantAsync(tenant.Slug, db => db.TimeEntries.CountAsync(e => e.TechnicianId == technicianId)));
    }

    [Fact]
    public async Task A_time_sheet_lists_the_entries_started_in_the_period_with_their_total()
    {
        var tenant = await app.CreateTenantAsync();
        var (tech, technicianId) = await AddLinkedTechnicianAsync(app, tenant);
        var monday = new DateTimeOffset(2025, 3, 3, 14, 0, 0, TimeSpan.Zero);
        await app.InTenantAsync(tenant.Slug, async db =>
        {
            foreach (var (start, minutes) in new[] { (monday, 90), (monday.AddDays(1), 45), (monday.AddDays(10), 600) })
            {
                db.TimeEntries.Add(new TimeEntry
                {
                    Id = Guid.CreateVersion7(),
                    TechnicianId = technicianId,
                    StartedAt = start,
                    EndedAt = start.AddMinutes(minutes),
                    CreatedAt = start,
                });
            }

            return await db.SaveChangesAsync();
        });

        var sheet = await tech.Client.GetFromJsonAsync<JsonElement>(
            $"/api/technicians/{technicianId}/time-entries?from={Uri.EscapeDataString(monday.AddDays(-1).ToString("O"))}&to={Uri.EscapeDataString(monday.AddDays(7).ToString("O"))}");
        var backwards = await tenant.Owner.GetAsync(new Uri(
            $"/api/technicians/{technicianId}/time-entries?from={Uri.EscapeDataString(monday.ToString("O"))}&to={Uri.EscapeDataString(monday.AddDays(-1).ToString("O"))}",
            UriKind.Relative));

        Assert.Equal([90, 45], sheet.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("minutes").GetInt32()));
        Assert.Equal(135, sheet.GetProperty("totalMinutes").GetInt32());
        Assert.NotEmpty((await backwards.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("to"));
    }
}
