using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Auditing;
using ServicePro.Host.Bookings;
using ServicePro.Host.Calendar;
using ServicePro.Host.Technicians;
using ServicePro.Tests.Infrastructure;
using ICalendar = Ical.Net.Calendar;

namespace ServicePro.Tests.Calendar;

/// <summary>Technicians' secret iCalendar feeds: issuing, rotating, revoking, isolation, and what calendar apps read.</summary>
public sealed class CalendarFeedTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Fact]
    public async Task The_feed_address_is_shown_once_and_only_the_hash_of_its_secret_is_stored()
    {
        var tenant = await app.CreateTenantAsync();
        var technician = await new CalendarSeed(app, tenant).TechnicianAsync("Alex Rivera");

        var link = await CreateFeedAsync(tenant.Owner, technician.Id);

        var prefix = $"https://{tenant.Slug}.servicepro.localhost/calendar/";
        Assert.StartsWith(prefix, link);
        Assert.EndsWith(".ics", link);
        var token = link[prefix.Length..^".ics".Length];
        Assert.Equal(32, Base64Url.DecodeFromChars(token).Length);
        var stored = await app.InTenantAsync(tenant.Slug, db => db.Technicians.SingleAsync(t => t.Id == technician.Id));
        Assert.Equal(SHA256.HashData(Base64Url.DecodeFromChars(token)), stored.CalendarFeedTokenHash);
        var audit = await app.InTenantAsync(tenant.Slug, db => db.AuditLog.Where(a => a.EntityId == technician.Id.ToString()).ToListAsync());
        Assert.Equal("technician.calendar_feed_created", Assert.Single(audit).Action);
        Assert.DoesNotContain(token, JsonSerializer.Serialize(audit));
    }

    [Fact]
    public async Task Rotating_the_feed_retires_the_old_address_and_revoking_it_retires_the_new_one()
    {
        var tenant = await app.CreateTenantAsync();
        var technician = await new CalendarSeed(app, tenant).TechnicianAsync("Alex Rivera");
        var feeds = app.ForTenant(tenant.Slug);

        var first = await CreateFeedAsync(tenant.Owner, technician.Id);
        Assert.Equal(HttpStatusCode.OK, (await feeds.GetAsync(PathOf(first))).StatusCode);
        var second = await CreateFeedAsync(tenant.Owner, technician.Id);

        Assert.NotEqual(first, second);
        await (await feeds.GetAsync(PathOf(first))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await feeds.GetAsync(PathOf(second))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Owner.DeleteAsync(FeedApi(technician.Id))).StatusCode);
        await (await feeds.GetAsync(PathOf(second))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Null((await app.InTenantAsync(tenant.Slug, db => db.Technicians.SingleAsync(t => t.Id == technician.Id))).CalendarFeedTokenHash);
    }

    [Fact]
    public async Task A_token_works_only_at_its_own_business_and_every_miss_reads_the_same()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var technician = await new CalendarSeed(app, tenant).TechnicianAsync("Alex Rivera");
        var path = PathOf(await CreateFeedAsync(tenant.Owner, technician.Id));

        var elsewhere = await (await app.ForTenant(other.Slug).GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        var unknown = await (await app.ForTenant(tenant.Slug).GetAsync(
            new Uri($"/calendar/{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}.ics", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        var malformed = await (await app.ForTenant(tenant.Slug).GetAsync(new Uri("/calendar/not-a-token.ics", UriKind.Relative)))
            .AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(unknown.GetProperty("detail").GetString(), elsewhere.GetProperty("detail").GetString());
        Assert.Equal(unknown.GetProperty("detail").GetString(), malformed.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await app.ForTenant(tenant.Slug).GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_feed_parses_back_with_the_technicians_jobs_at_the_right_instants_across_a_daylight_saving_change()
    {
        var tenant = await app.CreateTenantAsync();
        var seed = new CalendarSeed(app, tenant);
        var alex = await seed.TechnicianAsync("Alex Rivera");
        var sam = await seed.TechnicianAsync("Sam Lee");
        var dana = await seed.CustomerAsync("Dana Whitfield", "500 S Main St, Tulsa, OK");
        var service = await seed.ServiceAsync();
        var now = DateTimeOffset.UtcNow;
        var (zone, change) = CalendarSeed.DaylightSavingChangeBetween(now - CalendarFeed.Past, now + CalendarFeed.Ahead);
        var tenAm = new TimeOnly(10, 0);

        var before = await seed.BookingAsync(alex, dana, service.Id, change.AddDays(-1).ToDateTime(tenAm), 90, notes: "Gate code 4411", version: 3, zone: zone);
        var after = await seed.BookingAsync(alex, dana, service.Id, change.AddDays(1).ToDateTime(tenAm), 90, BookingStatus.Pending, zone: zone);
        var cancelled = await seed.BookingAsync(alex, dana, service.Id, change.AddDays(2).ToDateTime(tenAm), 60, BookingStatus.Cancelled, zone: zone);
        var someoneElses = await seed.BookingAsync(sam, dana, service.Id, change.AddDays(1).ToDateTime(tenAm), 60, zone: zone);
        var longAgo = await seed.BookingAsync(alex, dana, service.Id, now.AddDays(-40).UtcDateTime, 60, zone: TimeZoneInfo.Utc);
        var farAhead = await seed.BookingAsync(alex, dana, service.Id, now.AddDays(200).UtcDateTime, 60, zone: TimeZoneInfo.Utc);

        var response = await app.ForTenant(tenant.Slug).GetAsync(PathOf(await CreateFeedAsync(tenant.Owner, alex.Id)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl is { Private: true, MaxAge: not null });
        var calendar = ICalendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal($"Alex Rivera · Brand {tenant.Slug}", calendar.Properties["X-WR-CALNAME"]?.Value);
        var host = $"{tenant.Slug}.servicepro.localhost";
        Assert.Equal([$"{before.Id}@{host}", $"{after.Id}@{host}"], calendar.Events.Select(e => e.Uid));
        var absent = new[] { cancelled.Id, someoneElses.Id, longAgo.Id, farAhead.Id }.Select(id => $"{id}@{host}");
        Assert.Empty(calendar.Events.Select(e => e.Uid).Intersect(absent));

        var (first, second) = (calendar.Events[0]!, calendar.Events[1]!);
        var (firstStart, secondStart) = (first.DtStart!, second.DtStart!);
        Assert.True(firstStart.IsUtc && secondStart.IsUtc);
        Assert.Equal(before.StartsAt.UtcDateTime, firstStart.AsUtc);
        Assert.Equal(before.EndsAt.UtcDateTime, first.DtEnd!.AsUtc);
        Assert.Equal(after.StartsAt.UtcDateTime, secondStart.AsUtc);
        // Ten in the morning on both sides of the change, so an hour apart in UTC.
        Assert.Equal(tenAm, TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(firstStart.AsUtc, zone)));
        Assert.Equal(tenAm, TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(secondStart.AsUtc, zone)));
        Assert.Equal(1, Math.Abs((firstStart.AsUtc.TimeOfDay - secondStart.AsUtc.TimeOfDay).TotalHours));

        Assert.Equal($"{service.Name} – Dana", first.Summary);
        Assert.Equal("500 S Main St, Tulsa, OK", first.Location);
        Assert.Contains("Gate code 4411", first.Description);
        Assert.Contains("confirmed", first.Description);
        Assert.Equal("CONFIRMED", first.Status);
        Assert.Equal("TENTATIVE", second.Status);
        Assert.Equal(3, first.Sequence);
        Assert.Equal(1, second.Sequence);
    }

    [Fact]
    public async Task An_unchanged_feed_answers_not_modified_to_a_subscriber_that_has_it()
    {
        var tenant = await app.CreateTenantAsync();
        var technician = await new CalendarSeed(app, tenant).TechnicianAsync("Alex Rivera");
        var feeds = app.ForTenant(tenant.Slug);
        var path = PathOf(await CreateFeedAsync(tenant.Owner, technician.Id));

        var first = await feeds.GetAsync(path);
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await feeds.SendAsync(again);

        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Technicians_manage_only_their_own_feed_and_strangers_none()
    {
        var tenant = await app.CreateTenantAsync();
        var seed = new CalendarSeed(app, tenant);
        var techEmail = await app.AddStaffAsync(tenant.Slug, "technician");
        var techUserId = (await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/staff"))!
            .Single(s => s.GetProperty("email").GetString() == techEmail).GetProperty("userId").GetGuid();
        var own = await seed.TechnicianAsync("Terry Tech", userId: techUserId);
        var colleague = await seed.TechnicianAsync("Casey Crew");
        var technician = await app.SignedInAsync(tenant.Slug, techEmail);
        var staff = await app.SignedInAsync(tenant.Slug, await app.AddStaffAsync(tenant.Slug, "staff"));

        Assert.Equal(HttpStatusCode.OK, (await technician.PostAsync(FeedApi(own.Id), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await technician.DeleteAsync(FeedApi(own.Id))).StatusCode);
        await (await technician.PostAsync(FeedApi(colleague.Id), null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.PostAsync(FeedApi(colleague.Id), null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.DeleteAsync(FeedApi(colleague.Id))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ForTenant(tenant.Slug).PostAsync(FeedApi(own.Id), null)).StatusCode);
        await (await tenant.Owner.PostAsync(FeedApi(Guid.NewGuid()), null)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Null((await app.InTenantAsync(tenant.Slug, db => db.Technicians.SingleAsync(t => t.Id == colleague.Id))).CalendarFeedTokenHash);
    }

    private static Uri FeedApi(Guid technicianId) => new($"/api/technicians/{technicianId}/calendar-feed", UriKind.Relative);

    private static async Task<string> CreateFeedAsync(HttpClient client, Guid technicianId)
    {
        var response = await client.PostAsync(FeedApi(technicianId), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CalendarFeedLink>())!.Url;
    }

    /// <summary>The feed address's path, to request on the tenant's host through the test server.</summary>
    private static Uri PathOf(string url) => new(new Uri(url).AbsolutePath, UriKind.Relative);
}
