using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Bookings;
using ServicePro.Host.Technicians;
using ServicePro.Tests.Infrastructure;
using static ServicePro.Tests.Technicians.TechnicianTestData;

namespace ServicePro.Tests.Technicians;

public sealed class TechnicianApiTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Fact]
    public async Task An_owner_creates_a_technician_with_skills_and_split_shifts_and_every_change_is_audited()
    {
        var tenant = await app.CreateTenantAsync();
        var services = (await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/services"))!.Select(s => s.GetProperty("id").GetGuid()).Take(2).ToList();

        var created = await (await tenant.Owner.PostAsJsonAsync("/api/technicians", new
        {
            name = "  Robin Rake ",
            phone = "(918) 555-0123",
            email = "robin@crew.example.com",
            color = "#AABBCC",
            homeBaseAddress = "1 Shop Rd, Tulsa",
            homeBaseLat = 36.15,
            homeBaseLng = -95.99,
        })).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await (await tenant.Owner.PutAsJsonAsync($"/api/technicians/{id}/skills", new { serviceIds = services })).JsonAsync(HttpStatusCode.OK);
        await (await tenant.Owner.PutAsJsonAsync($"/api/technicians/{id}/shifts", new[]
        {
            new { weekday = "friday", start = "09:00", end = "17:00" },
            new { weekday = "monday", start = "12:00", end = "16:00" },
            new { weekday = "Monday", start = "08:00", end = "12:00" }, // touching, not overlapping
        })).JsonAsync(HttpStatusCode.OK);

        var technician = await tenant.Owner.GetFromJsonAsync<JsonElement>($"/api/technicians/{id}");
        Assert.Equal("Robin Rake", technician.GetProperty("name").GetString());
        Assert.Equal("+19185550123", technician.GetProperty("phone").GetString());
        Assert.Equal("#aabbcc", technician.GetProperty("color").GetString());
        Assert.Equal(36.15, technician.GetProperty("homeBaseLat").GetDouble());
        Assert.True(technician.GetProperty("isActive").GetBoolean());
        Assert.Equal(services.Order(), technician.GetProperty("skills").EnumerateArray().Select(s => s.GetGuid()));
        Assert.Equal(["monday 08:00-12:00", "monday 12:00-16:00", "friday 09:00-17:00"], technician.GetProperty("shifts").EnumerateArray()
            .Select(s => $"{s.GetProperty("weekday").GetString()} {s.GetProperty("start").GetString()}-{s.GetProperty("end").GetString()}"));
        var list = await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/technicians");
        Assert.Equal(3, Assert.Single(list!).GetProperty("shifts").GetArrayLength());
        Assert.Equal(["technician.created", "technician.skills_set", "technician.shifts_set"], await AuditActionsAsync(app, tenant.Slug, id));
    }

    [Theory]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"Pat","phone":"555"}""", "phone")]
    [InlineData("""{"name":"Pat","email":"not-an-email"}""", "email")]
    [InlineData("""{"name":"Pat","color":"blue"}""", "color")]
    [InlineData("""{"name":"Pat","color":"#12345"}""", "color")]
    [InlineData("""{"name":"Pat","homeBaseLat":36.1}""", "homeBaseLng")]
    [InlineData("""{"name":"Pat","homeBaseLat":95,"homeBaseLng":-95.9}""", "homeBaseLat")]
    [InlineData("""{"name":"Pat","homeBaseLat":36.1,"homeBaseLng":-181}""", "homeBaseLng")]
    [InlineData("""{"name":"Pat","userId":"0194f0c2-0000-7000-8000-000000000001"}""", "userId")]
    public async Task Bad_technician_profiles_are_refused_field_by_field_and_create_nothing(string body, string field)
    {
        var tenant = await app.CreateTenantAsync();

        var response = await tenant.Owner.PostAsync(new Uri("/api/technicians", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.ErrorsFor(field));
        Assert.Empty((await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/technicians"))!);
    }

    [Fact]
    public async Task Only_a_sign_in_of_this_business_can_be_linked_and_only_to_one_technician()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var (person, first) = await AddLinkedTechnicianAsync(app, tenant);
        var outsider = (await other.Owner.GetFromJsonAsync<JsonElement[]>("/api/staff"))![0].GetProperty("userId").GetGuid();

        var foreign = await tenant.Owner.PostAsJsonAsync("/api/technicians", new { name = "Outsider", userId = outsider });
        var twice = await tenant.Owner.PostAsJsonAsync("/api/technicians", new { name = "Second", userId = person.UserId });
        var same = await tenant.Owner.PutAsJsonAsync($"/api/technicians/{first}", new { name = "Linked Lee, renamed", userId = person.UserId });

        Assert.NotEmpty((await foreign.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("userId"));
        Assert.Contains("Linked Lee", (await twice.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("userId")[0]);
        Assert.Equal(person.UserId, (await same.JsonAsync(HttpStatusCode.OK)).GetProperty("userId").GetGuid());
        Assert.Single((await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/technicians"))!);
    }

    [Fact]
    public async Task Updating_replaces_the_profile_and_deactivating_is_audited_as_such()
    {
        var tenant = await app.CreateTenantAsync();
        var id = (await (await tenant.Owner.PostAsJsonAsync("/api/technicians", new { name = "Casey", phone = "9185550100", color = "#112233" }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var updated = await (await tenant.Owner.PutAsJsonAsync($"/api/technicians/{id}", new { name = "Casey Clean", isActive = false }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Casey Clean", updated.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("phone").ValueKind);
        Assert.Equal("#2563eb", updated.GetProperty("color").GetString());
        Assert.False(updated.GetProperty("isActive").GetBoolean());
        Assert.Empty((await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/technicians?active=true"))!);
        Assert.Equal(["technician.created", "technician.deactivated"], await AuditActionsAsync(app, tenant.Slug, id));
    }

    public static TheoryData<object[], string> BadSchedules => new()
    {
        { [new { weekday = "monday", start = "17:00", end = "08:00" }], "shifts[0]" },
        { [new { weekday = "monday", start = "22:00", end = "02:00" }], "shifts[0]" },
        { [new { weekday = "monday", start = "08:00", end = "24:00" }], "shifts[0]" },
        { [new { weekday = "monday", start = "8am", end = "12:00" }], "shifts[0]" },
        { [new { weekday = "funday", start = "08:00", end = "12:00" }], "shifts[0].weekday" },
        { [new { weekday = "1", start = "08:00", end = "12:00" }], "shifts[0].weekday" },
        {
            [new { weekday = "tuesday", start = "08:00", end = "12:00" }, new { weekday = "tuesday", start = "11:30", end = "13:00" }],
            "shifts.tuesday"
        },
        {
            [new { weekday = "tuesday", start = "08:00", end = "17:00" }, new { weekday = "tuesday", start = "09:00", end = "10:00" }],
            "shifts.tuesday"
        },
        {
            Enumerable.Range(0, 5).Select(h => (object)new { weekday = "wednesday", start = $"{8 + (2 * h):00}:00", end = $"{9 + (2 * h):00}:00" }).ToArray(),
            "shifts.wednesday"
        },
    };

    [Theory]
    [MemberData(nameof(BadSchedules))]
    public async Task Bad_weekly_schedules_are_refused_and_the_old_one_stays(object[] shifts, string field)
    {
        var tenant = await app.CreateTenantAsync();
        var id = await CreateTechnicianAsync(tenant.Owner);
        await (await tenant.Owner.PutAsJsonAsync($"/api/technicians/{id}/shifts", new[] { new { weekday = "thursday", start = "07:00", end = "15:00" } }))
            .JsonAsync(HttpStatusCode.OK);

        var response = await tenant.Owner.PutAsJsonAsync($"/api/technicians/{id}/shifts", shifts);

        Assert.NotEmpty((await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field));
        var shiftsNow = (await tenant.Owner.GetFromJsonAsync<JsonElement>($"/api/technicians/{id}")).GetProperty("shifts");
        Assert.Equal("thursday", Assert.Single(shiftsNow.EnumerateArray()).GetProperty("weekday").GetString());
        Assert.Equal(["technician.created", "technician.shifts_set"], await AuditActionsAsync(app, tenant.Slug, id));
    }

    [Fact]
    public async Task Skills_must_be_services_of_this_business_and_an_empty_list_clears_them()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var mine = (await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/services"))![0].GetProperty("id").GetGuid();
        var theirs = (await other.Owner.GetFromJsonAsync<JsonElement[]>("/api/services"))![0].GetProperty("id").GetGuid();
        var id = await CreateTechnicianAsync(tenant.Owner);
        await (await tenant.Owner.PutAsJsonAsync($"/api/technicians/{id}/skills", new { serviceIds = new[] { mine } })).JsonAsync(HttpStatusCode.OK);

        var foreign = await tenant.Owner.PutAsJsonAsync($"/api/technicians/{id}/skills", new { serviceIds = new[] { mine, theirs } });
        var missing = await tenant.Owner.PutAsJsonAsync($"/api/technicians/{id}/skills", new { });

        Assert.Contains(theirs.ToString(), (await foreign.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("serviceIds")[0]);
        Assert.NotEmpty((await missing.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("serviceIds"));
        Assert.Equal([mine], (await tenant.Owner.GetFromJsonAsync<JsonElement>($"/api/technicians/{id}")).GetProperty("skills")
            .EnumerateArray().Select(s => s.GetGuid()));

        var cleared = await (await tenant.Owner.PutAsJsonAsync($"/api/technicians/{id}/skills", new { serviceIds = Array.Empty<Guid>() }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, cleared.GetProperty("skills").GetArrayLength());
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("technician")]
    public async Task Staff_and_technicians_see_technicians_but_cannot_change_them(string role)
    {
        var tenant = await app.CreateTenantAsync();
        var id = await CreateTechnicianAsync(tenant.Owner);
        var person = (await AddStaffAsync(app, tenant, role)).Client;

        Assert.Single((await person.GetFromJsonAsync<JsonElement[]>("/api/technicians"))!);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync(new Uri($"/api/technicians/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.PostAsJsonAsync("/api/technicians", new { name = "Sneaky" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.PutAsJsonAsync($"/api/technicians/{id}", new { name = "Renamed" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.PutAsJsonAsync($"/api/technicians/{id}/skills", new { serviceIds = Array.Empty<Guid>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.PutAsJsonAsync($"/api/technicians/{id}/shifts", Array.Empty<object>())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.DeletePathAsync($"/api/technicians/{id}")).StatusCode);
        Assert.Equal("Terry Tech", (await tenant.Owner.GetFromJsonAsync<JsonElement>($"/api/technicians/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Another_business_can_neither_see_nor_touch_a_technician()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var id = await CreateTechnicianAsync(tenant.Owner);
        var b = other.Owner;

        Assert.Empty((await b.GetFromJsonAsync<JsonElement[]>("/api/technicians"))!);
        await (await b.GetAsync(new Uri($"/api/technicians/{id}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await b.PutAsJsonAsync($"/api/technicians/{id}", new { name = "Hijacked" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await b.PutAsJsonAsync($"/api/technicians/{id}/skills", new { serviceIds = Array.Empty<Guid>() })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await b.PutAsJsonAsync($"/api/technicians/{id}/shifts", Array.Empty<object>())).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await b.PostAsJsonAsync($"/api/technicians/{id}/time-off",
            new { startsAt = DateTimeOffset.UtcNow.AddDays(3), endsAt = DateTimeOffset.UtcNow.AddDays(4) })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await b.PostEmptyAsync($"/api/technicians/{id}/clock-in")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await b.GetAsync(new Uri($"/api/technicians/{id}/time-entries", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await b.DeletePathAsync($"/api/technicians/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Terry Tech", (await tenant.Owner.GetFromJsonAsync<JsonElement>($"/api/technicians/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Deleting_is_refused_with_upcoming_bookings_deactivates_with_history_and_deletes_otherwise()
    {
        var tenant = await app.CreateTenantAsync();
        var busy = await CreateTechnicianAsync(tenant.Owner, "Busy Bo");
        var veteran = await CreateTechnicianAsync(tenant.Owner, "Veteran Val");
        var newcomer = await CreateTechnicianAsync(tenant.Owner, "Newcomer Nia");
        await InsertBookingAsync(app, tenant.Slug, busy, DateTimeOffset.UtcNow.AddDays(2));
        await InsertBookingAsync(app, tenant.Slug, veteran, DateTimeOffset.UtcNow.AddDays(-20), status: BookingStatus.Completed);
        await InsertBookingAsync(app, tenant.Slug, veteran, DateTimeOffset.UtcNow.AddDays(5), status: BookingStatus.Cancelled);
        await (await tenant.Owner.PutAsJsonAsync($"/api/technicians/{newcomer}/shifts", new[] { new { weekday = "monday", start = "08:00", end = "12:00" } }))
            .JsonAsync(HttpStatusCode.OK);

        var refused = await (await tenant.Owner.DeletePathAsync($"/api/technicians/{busy}")).AssertProblemAsync(HttpStatusCode.Conflict);
        var deactivated = await (await tenant.Owner.DeletePathAsync($"/api/technicians/{veteran}")).JsonAsync(HttpStatusCode.OK);
        var deleted = await tenant.Owner.DeletePathAsync($"/api/technicians/{newcomer}");

        Assert.Contains("1 upcoming booking", refused.GetProperty("detail").GetString());
        Assert.True((await tenant.Owner.GetFromJsonAsync<JsonElement>($"/api/technicians/{busy}")).GetProperty("isActive").GetBoolean());
        Assert.False(deactivated.GetProperty("isActive").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await tenant.Owner.GetAsync(new Uri($"/api/technicians/{newcomer}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await app.InTenantAsync(tenant.Slug, db => db.TechnicianShifts.CountAsync(s => s.TechnicianId == newcomer)));
        Assert.Equal("technician.deactivated", (await AuditActionsAsync(app, tenant.Slug, veteran))[^1]);
        Assert.Equal("technician.deleted", (await AuditActionsAsync(app, tenant.Slug, newcomer))[^1]);
    }
}
