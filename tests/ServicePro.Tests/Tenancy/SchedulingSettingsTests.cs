using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Auditing;
using ServicePro.Host.Scheduling;
using ServicePro.Host.Tenancy;
using ServicePro.Tests.Infrastructure;
using static ServicePro.Tests.Technicians.TechnicianTestData;

namespace ServicePro.Tests.Tenancy;

public sealed class SchedulingSettingsTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    private static Dictionary<string, object> Hours(string mondayStart = "08:00", string mondayEnd = "17:00") => new()
    {
        ["monday"] = new { start = mondayStart, end = mondayEnd, closed = false },
        ["tuesday"] = new { start = "08:00", end = "17:00", closed = false },
        ["wednesday"] = new { start = "08:00", end = "17:00", closed = false },
        ["thursday"] = new { start = "08:00", end = "17:00", closed = false },
        ["friday"] = new { start = "08:00", end = "12:30", closed = false },
        ["saturday"] = new { start = "09:00", end = "13:00", closed = false },
        ["sunday"] = new { start = "00:00", end = "00:00", closed = true },
    };

    [Fact]
    public async Task An_owner_changes_the_rules_and_the_availability_engine_reads_them_on_the_next_query()
    {
        var tenant = await app.CreateTenantAsync("lawn_care");
        var before = await tenant.Owner.GetFromJsonAsync<JsonElement>("/api/settings/scheduling");

        var saved = await (await tenant.Owner.PutAsJsonAsync("/api/settings/scheduling", new
        {
            scheduler = new { halfHourIncrements = false, minimumNoticeHours = 2, allowWeekendBookings = true, lunchTime = "12:30", lunchMinutes = 45 },
            businessHours = Hours(),
            serviceArea = new { center = new { lat = 36.1, lng = -95.9 }, radius = 40, unit = "km" },
        })).JsonAsync(HttpStatusCode.OK);

        var scheduler = saved.GetProperty("scheduler");
        Assert.False(scheduler.GetProperty("halfHourIncrements").GetBoolean());
        Assert.Equal(45, scheduler.GetProperty("lunchMinutes").GetInt32());
        // Fields left out keep their values.
        Assert.Equal(before.GetProperty("scheduler").GetProperty("bufferMinutes").GetInt32(), scheduler.GetProperty("bufferMinutes").GetInt32());
        Assert.Equal("12:30", saved.GetProperty("businessHours").GetProperty("friday").GetProperty("end").GetString());
        Assert.Equal("km", saved.GetProperty("serviceArea").GetProperty("unit").GetString());
        Assert.Equal(saved.ToString(), (await tenant.Owner.GetFromJsonAsync<JsonElement>("/api/settings/scheduling")).ToString());

        var rules = await app.InTenantAsync(tenant.Slug, async db => SchedulingRules.FromTenantSettings(await db.TenantSettings.FirstAsync()));
        Assert.Equal(60, rules.SlotStepMinutes);
        Assert.Equal(2, rules.MinimumNoticeHours);
        Assert.Equal(new TimeOnly(12, 30), rules.LunchStart);
        Assert.Equal(new TimeOnly(9, 0), rules.BusinessHours[DayOfWeek.Saturday].Start);
        Assert.False(rules.BusinessHours.ContainsKey(DayOfWeek.Sunday));
        var audit = await app.InTenantAsync(tenant.Slug, db => db.AuditLog.Where(a => a.Action == "settings.scheduling_updated").ToListAsync());
        Assert.Equal("scheduler,businessHours,serviceArea", Assert.Single(audit).Details["sections"]);
    }

    public static TheoryData<string, string> BadSettings => new()
    {
        { """{"scheduler":{"minimumNoticeHours":721}}""", "scheduler.minimumNoticeHours" },
        { """{"scheduler":{"minimumNoticeHours":-1}}""", "scheduler.minimumNoticeHours" },
        { """{"scheduler":{"lunchTime":"25:00"}}""", "scheduler.lunchTime" },
        { """{"scheduler":{"lunchTime":"noon"}}""", "scheduler.lunchTime" },
        { """{"scheduler":{"lunchMinutes":10}}""", "scheduler.lunchMinutes" },
        { """{"scheduler":{"lunchMinutes":181}}""", "scheduler.lunchMinutes" },
        { """{"scheduler":{"etaPaddingMinutes":121}}""", "scheduler.etaPaddingMinutes" },
        { """{"scheduler":{"bufferMinutes":241}}""", "scheduler.bufferMinutes" },
        { """{"scheduler":{"depositPercentage":101}}""", "scheduler.depositPercentage" },
        { JsonSerializer.Serialize(new { businessHours = Hours("17:00", "08:00") }), "businessHours.monday" },
        { JsonSerializer.Serialize(new { businessHours = Hours("8", "17:00") }), "businessHours.monday" },
        { """{"businessHours":{"monday":{"start":"08:00","end":"17:00","closed":false}}}""", "businessHours" },
        { """{"serviceArea":{"center":{"lat":36.1,"lng":-95.9},"radius":0}}""", "serviceArea.radius" },
        { """{"serviceArea":{"center":{"lat":36.1,"lng":-95.9},"radius":500,"unit":"km"}}""", "serviceArea.radius" },
        { """{"serviceArea":{"center":{"lat":36.1,"lng":-95.9},"radius":20,"unit":"leagues"}}""", "serviceArea.unit" },
        { """{"serviceArea":{"center":{"lat":95,"lng":-95.9},"radius":20}}""", "serviceArea.center" },
        { """{"serviceArea":{"radius":20}}""", "serviceArea.center" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Bad_settings_are_refused_field_by_field_and_change_nothing(string body, string field)
    {
        var tenant = await app.CreateTenantAsync();
        var before = await tenant.Owner.GetFromJsonAsync<JsonElement>("/api/settings/scheduling");

        // A valid change alongside the bad one is not saved either.
        var request = JsonNode.Parse(body)!.AsObject();
        request.TryAdd("scheduler", new JsonObject { ["bufferMinutes"] = 5 });
        var response = await tenant.Owner.PutAsJsonAsync("/api/settings/scheduling", request);

        Assert.NotEmpty((await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor(field));
        Assert.Equal(before.ToString(), (await tenant.Owner.GetFromJsonAsync<JsonElement>("/api/settings/scheduling")).ToString());
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("technician")]
    public async Task Staff_and_technicians_read_the_settings_but_cannot_change_them(string role)
    {
        var tenant = await app.CreateTenantAsync();
        var person = (await AddStaffAsync(app, tenant, role)).Client;

        var settings = await person.GetFromJsonAsync<JsonElement>("/api/settings/scheduling");
        var refused = await person.PutAsJsonAsync("/api/settings/scheduling", new { scheduler = new { bufferMinutes = 0 } });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEqual(0, settings.GetProperty("scheduler").GetProperty("bufferMinutes").GetInt32());
        Assert.Equal(settings.ToString(), (await person.GetFromJsonAsync<JsonElement>("/api/settings/scheduling")).ToString());
    }

    [Fact]
    public async Task One_business_changing_its_rules_leaves_another_alone()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var theirs = await other.Owner.GetFromJsonAsync<JsonElement>("/api/settings/scheduling");

        await (await tenant.Owner.PutAsJsonAsync("/api/settings/scheduling", new { scheduler = new { minimumNoticeHours = 0, bufferMinutes = 0 } }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal(theirs.ToString(), (await other.Owner.GetFromJsonAsync<JsonElement>("/api/settings/scheduling")).ToString());
    }
}
