using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Abstractions;
using ServicePro.Host.Auditing;
using ServicePro.Host.Bookings;
using ServicePro.Host.Customers;
using ServicePro.Host.Jobs;
using ServicePro.Host.Weather;
using ServicePro.Tests.Infrastructure;
using ServicePro.Tests.Onboarding;

namespace ServicePro.Tests.Weather;

/// <summary>
/// The weather watch over the real host, PostgreSQL and the Open-Meteo plugin, against the local Open-Meteo fake
/// serving a recorded storm week (see Fakes/Recorded/README.md).
/// </summary>
public sealed class WeatherWatchTests(WeatherApp app) : IClassFixture<WeatherApp>
{
    private const string StormReason = "Rain 0.28 in expected 10–11 AM (limit 0.10 in); Wind 29 mph expected at 11 AM (limit 25 mph)";

    [Fact]
    public async Task A_rainy_day_puts_an_outdoor_booking_at_risk_with_the_reason_and_the_next_good_times()
    {
        var world = await WeatherWorld.CreateAsync(app);
        var bookingId = await world.BookAsync(WeatherWorld.At(world.StormDay, 10));

        var report = await world.CheckAsync();

        Assert.Equal(new WeatherCheckReport(1, 1, 1, 0), report);
        var risk = Assert.Single(await world.ListAsync());
        Assert.Equal(bookingId, risk.BookingId);
        Assert.Equal("at_risk", risk.Status);
        Assert.Equal(StormReason, risk.Reason);
        Assert.Equal("Dana Reyes", risk.Booking.CustomerName);
        Assert.Equal("Marcus Lee", risk.Booking.TechnicianName);
        Assert.Equal($"{world.StormDay:yyyy-MM-dd}T10:00", risk.Booking.LocalStart);
        Assert.Null(risk.NotifiedAt);

        // The storm day is wet all working day. The next morning is frosty until 11 (38.9°F at 10, under detailing's
        // 40°F), so its time nearest to 10 is 11; the two days after are fine at 10.
        Assert.Equal(
            [$"{world.StormDay.AddDays(1):yyyy-MM-dd}T11:00", $"{world.StormDay.AddDays(2):yyyy-MM-dd}T10:00", $"{world.StormDay.AddDays(3):yyyy-MM-dd}T10:00"],
            risk.Alternatives.Select(a => a.LocalStart));
        Assert.All(risk.Alternatives, a => Assert.Equal(world.TechnicianId, a.TechnicianId));
        Assert.Equal(WeatherWorld.At(world.StormDay.AddDays(1), 11), risk.Alternatives[0].StartsAt);

        // The forecast was asked for the middle of the service area, in the business's time zone, for a week.
        var query = world.OpenMeteo.LastQuery!;
        Assert.Equal("36.15", query["latitude"]);
        Assert.Equal("-95.99", query["longitude"]);
        Assert.Equal(WeatherWorld.Zone, query["timezone"]);
        Assert.Equal("7", query["forecast_days"]);
    }

    [Fact]
    public async Task Indoor_services_are_not_checked()
    {
        var world = await WeatherWorld.CreateAsync(app);
        await world.BookAsync(WeatherWorld.At(world.StormDay, 10), world.IndoorServiceId);
        var requests = world.ForecastRequests;

        var report = await world.CheckAsync();

        Assert.Equal(new WeatherCheckReport(0, 0, 0, 0), report);
        Assert.Empty(await world.RisksAsync());
        Assert.Equal(requests, world.ForecastRequests);
    }

    [Fact]
    public async Task Nothing_is_checked_or_shown_while_weather_rescheduling_is_off()
    {
        var world = await WeatherWorld.CreateAsync(app);
        await world.BookAsync(WeatherWorld.At(world.StormDay, 10));
        var flag = await app.Operator().PutAsJsonAsync($"/api/platform/tenants/{world.Slug}/flags/{FeatureFlags.WeatherRescheduling}", new { enabled = false });
        flag.EnsureSuccessStatusCode();
        var requests = world.ForecastRequests;

        var report = await world.CheckAsync();

        Assert.Equal("weather rescheduling is off", report.SkippedBecause);
        Assert.Empty(await world.RisksAsync());
        Assert.Equal(requests, world.ForecastRequests);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Owner.GetAsync("/api/weather/risks")).StatusCode);
    }

    [Fact]
    public async Task Checking_again_keeps_one_risk_per_booking_and_asks_once_per_place()
    {
        var world = await WeatherWorld.CreateAsync(app);
        await world.BookAsync(WeatherWorld.At(world.StormDay, 10));
        await world.BookAsync(WeatherWorld.At(world.StormDay, 12, 30));
        await world.BookAsync(WeatherWorld.At(world.StormDay, 15), lat: 36.2101, lng: -95.9042);
        var requests = world.ForecastRequests;

        var first = await world.CheckAsync();
        var afterFirst = await world.RisksAsync();
        var second = await world.CheckAsync();
        var afterSecond = await world.RisksAsync();

        Assert.Equal(new WeatherCheckReport(3, 2, 3, 0), first);
        Assert.Equal(new WeatherCheckReport(3, 2, 3, 0), second);
        Assert.Equal(requests + 4, world.ForecastRequests);
        Assert.Equal(3, afterSecond.Count);
        Assert.All(afterSecond, r => Assert.Equal(WeatherRiskStatus.AtRisk, r.Status));
        Assert.Equal(afterFirst.Select(r => (r.BookingId, r.ForStartsAt, r.Reason)), afterSecond.Select(r => (r.BookingId, r.ForStartsAt, r.Reason)));
        Assert.Equal(afterFirst.Select(r => r.Alternatives.Count), afterSecond.Select(r => r.Alternatives.Count));
        Assert.Contains(world.OpenMeteo.RequestsTo("/v1/forecast"), r => r.Query.Contains("latitude=36.21&longitude=-95.9&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forecast_that_turns_dry_clears_the_risk()
    {
        var world = await WeatherWorld.CreateAsync(app);
        var bookingId = await world.BookAsync(WeatherWorld.At(world.StormDay, 10));
        await world.CheckAsync();

        world.OpenMeteo.ServeFairWeather();
        var report = await world.CheckAsync();

        Assert.Equal(new WeatherCheckReport(1, 1, 0, 1), report);
        var risk = Assert.Single(await world.RisksAsync());
        Assert.Equal((bookingId, WeatherRiskStatus.Cleared), (risk.BookingId, risk.Status));
        Assert.Empty(await world.ListAsync());

        // Nothing more to do while it stays dry.
        Assert.Equal(new WeatherCheckReport(1, 1, 0, 0), await world.CheckAsync());
    }

    [Fact]
    public async Task Moving_the_booking_to_a_proposed_time_clears_the_risk()
    {
        var world = await WeatherWorld.CreateAsync(app);
        var bookingId = await world.BookAsync(WeatherWorld.At(world.StormDay, 10));
        await world.CheckAsync();
        var proposed = Assert.Single(await world.ListAsync()).Alternatives[0];

        var response = await world.Owner.PostAsJsonAsync($"/api/weather/risks/{bookingId}/reschedule", new { startsAt = proposed.StartsAt });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var booking = await app.InTenantAsync(world.Slug, db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == bookingId));
        Assert.Equal(proposed.StartsAt, booking.StartsAt);
        var risk = Assert.Single(await world.RisksAsync());
        Assert.Equal((WeatherRiskStatus.Cleared, proposed.StartsAt), (risk.Status, risk.ForStartsAt));
        Assert.Empty(await world.ListAsync());
        var audit = await app.InTenantAsync(world.Slug, db =>
            db.AuditLog.Where(a => a.EntityId == bookingId.ToString()).OrderBy(a => a.At).Select(a => a.Action).ToListAsync());
        Assert.Equal(["booking.created", "booking.rescheduled", "weather_risk.rescheduled"], audit);

        // The new time is dry: the next check leaves it cleared.
        Assert.Equal(new WeatherCheckReport(1, 1, 0, 0), await world.CheckAsync());
        Assert.Equal(WeatherRiskStatus.Cleared, Assert.Single(await world.RisksAsync()).Status);
    }

    [Fact]
    public async Task A_time_that_was_not_proposed_is_refused_and_nothing_changes()
    {
        var world = await WeatherWorld.CreateAsync(app);
        var bookingId = await world.BookAsync(WeatherWorld.At(world.StormDay, 10));
        await world.CheckAsync();

        var response = await world.Owner.PostAsJsonAsync(
            $"/api/weather/risks/{bookingId}/reschedule", new { startsAt = WeatherWorld.At(world.StormDay, 14) });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Choose one of the proposed times."], problem.ErrorsFor("startsAt"));
        var booking = await app.InTenantAsync(world.Slug, db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == bookingId));
        Assert.Equal(WeatherWorld.At(world.StormDay, 10), booking.StartsAt);
        Assert.Equal(WeatherRiskStatus.AtRisk, Assert.Single(await world.RisksAsync()).Status);
        await (await world.Owner.PostAsync($"/api/weather/risks/{Guid.NewGuid()}/dismiss", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Telling_the_customer_marks_the_risk_notified_once()
    {
        var world = await WeatherWorld.CreateAsync(app);
        var bookingId = await world.BookAsync(WeatherWorld.At(world.StormDay, 10));
        await world.CheckAsync();
        app.Notifier.Answer = WeatherNoticeOutcome.Delivered;
        app.Notifier.Notices.Clear();

        var first = await world.Owner.PostAsync($"/api/weather/risks/{bookingId}/notify", null);
        var again = await world.Owner.PostAsync($"/api/weather/risks/{bookingId}/notify", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var risk = (await again.Content.ReadFromJsonAsync<RiskJson>())!;
        Assert.Equal("notified", risk.Status);
        Assert.NotNull(risk.NotifiedAt);
        var notice = Assert.Single(app.Notifier.Notices);
        Assert.Equal((bookingId, WeatherWorld.At(world.StormDay, 10), StormReason), (notice.BookingId, notice.ForStartsAt, notice.Reason));
        Assert.Equal(3, notice.Alternatives.Count);
        Assert.Equal("notified", Assert.Single(await world.ListAsync()).Status);

        // Still bad at the next check: the risk stays notified.
        await world.CheckAsync();
        Assert.Equal(WeatherRiskStatus.Notified, Assert.Single(await world.RisksAsync()).Status);
    }

    [Fact]
    public async Task A_message_that_could_not_be_sent_leaves_the_risk_as_it_was()
    {
        var world = await WeatherWorld.CreateAsync(app);
        var bookingId = await world.BookAsync(WeatherWorld.At(world.StormDay, 10));
        await world.CheckAsync();
        app.Notifier.Answer = WeatherNoticeOutcome.NotSent("Dana Reyes has not agreed to texts.");

        var response = await world.Owner.PostAsync($"/api/weather/risks/{bookingId}/notify", null);

        app.Notifier.Answer = WeatherNoticeOutcome.Delivered;
        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Dana Reyes has not agreed to texts.", problem.GetProperty("detail").GetString());
        var risk = Assert.Single(await world.RisksAsync());
        Assert.Equal((WeatherRiskStatus.AtRisk, (DateTimeOffset?)null), (risk.Status, risk.NotifiedAt));
    }

    [Fact]
    public async Task The_weather_text_tells_the_customer_why_once_however_often_staff_press_notify()
    {
        var world = await WeatherWorld.CreateAsync(app);
        var bookingId = await world.BookAsync(WeatherWorld.At(world.StormDay, 10));
        await world.CheckAsync();
        var risk = Assert.Single(await world.RisksAsync());
        (await world.Owner.PutAsJsonAsync("/api/onboarding/business-basics", OnboardingFlow.Basics())).EnsureSuccessStatusCode();
        Assert.True((await OnboardingFlow.SaveIntegrationAsync(world.Owner, "twilio", OnboardingFlow.Twilio())).GetProperty("succeeded").GetBoolean());
        var phone = await app.InTenantAsync(world.Slug, async db =>
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == world.CustomerId);
            (customer.SmsConsent, customer.SmsConsentSource, customer.SmsConsentAt) = (true, "booking form", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return customer.Phone;
        });

        await using var scope = (await app.Services.GetRequiredService<TenantJobScopes>().BeginAsync(world.TenantId, "test", CancellationToken.None))!.Value;
        var notifier = ActivatorUtilities.CreateInstance<TextWeatherNotifier>(scope.ServiceProvider);
        var notice = new WeatherNotice(bookingId, risk.ForStartsAt, risk.Reason, risk.Alternatives);
        var first = await notifier.NotifyAsync(notice, CancellationToken.None);
        var again = await notifier.NotifyAsync(notice, CancellationToken.None);

        Assert.True(first.Sent, first.WhyNot);
        Assert.True(again.Sent, again.WhyNot);
        var text = Assert.Single(app.Fakes.Twilio.SentMessages, m => m.To == phone);
        Assert.Contains(risk.Reason, text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dismissed_risk_leaves_the_list_until_the_booking_moves()
    {
        var world = await WeatherWorld.CreateAsync(app);
        var bookingId = await world.BookAsync(WeatherWorld.At(world.StormDay, 10));
        await world.CheckAsync();

        var dismissed = await world.Owner.PostAsync($"/api/weather/risks/{bookingId}/dismiss", null);

        Assert.Equal("dismissed", (await dismissed.Content.ReadFromJsonAsync<RiskJson>())!.Status);
        Assert.Empty(await world.ListAsync());
        Assert.Equal(new WeatherCheckReport(1, 1, 0, 0), await world.CheckAsync());
        Assert.Equal(WeatherRiskStatus.Dismissed, Assert.Single(await world.RisksAsync()).Status);

        // Moved to another wet time on the storm day: a new question, judged afresh.
        var moved = await world.Owner.PostAsJsonAsync($"/api/bookings/{bookingId}/reschedule", new { startsAt = WeatherWorld.At(world.StormDay, 14) });
        moved.EnsureSuccessStatusCode();
        Assert.Empty(await world.ListAsync()); // the risk was about the old time
        Assert.Equal(new WeatherCheckReport(1, 1, 1, 0), await world.CheckAsync());
        var risk = Assert.Single(await world.ListAsync());
        Assert.Equal(("at_risk", WeatherWorld.At(world.StormDay, 14)), (risk.Status, risk.Booking.StartsAt));
        Assert.Equal("Rain 0.15 in expected 2–3 PM (limit 0.10 in)", risk.Reason);
    }

    [Fact]
    public async Task Another_business_can_neither_see_nor_act_on_a_risk()
    {
        var world = await WeatherWorld.CreateAsync(app);
        var bookingId = await world.BookAsync(WeatherWorld.At(world.StormDay, 10));
        await world.CheckAsync();
        var other = await app.CreateTenantAsync("auto_detail");

        Assert.Empty((await other.Owner.GetFromJsonAsync<List<RiskJson>>("/api/weather/risks"))!);
        await (await other.Owner.PostAsync($"/api/weather/risks/{bookingId}/dismiss", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.Owner.PostAsync($"/api/weather/risks/{bookingId}/notify", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(WeatherRiskStatus.AtRisk, Assert.Single(await world.RisksAsync()).Status);
    }

    [Fact]
    public async Task A_cancelled_booking_no_longer_has_a_risk()
    {
        var world = await WeatherWorld.CreateAsync(app);
        var bookingId = await world.BookAsync(WeatherWorld.At(world.StormDay, 10));
        await world.CheckAsync();

        var cancelled = await world.Owner.PostAsJsonAsync($"/api/bookings/{bookingId}/cancel", new { reason = CancellationReasons.Weather });
        cancelled.EnsureSuccessStatusCode();
        var report = await world.CheckAsync();

        Assert.Equal(new WeatherCheckReport(0, 0, 0, 1), report);
        Assert.Equal(WeatherRiskStatus.Cleared, Assert.Single(await world.RisksAsync()).Status);
    }

    [Fact]
    public async Task An_unavailable_forecast_fails_the_check_and_writes_nothing()
    {
        var world = await WeatherWorld.CreateAsync(app);
        await world.BookAsync(WeatherWorld.At(world.StormDay, 10));
        await world.BookAsync(WeatherWorld.At(world.StormDay, 13), lat: 36.25, lng: -95.9);
        await world.CheckAsync();
        var before = await world.RisksAsync();
        Assert.All(before, r => Assert.Equal(WeatherRiskStatus.AtRisk, r.Status));

        // Dry everywhere now, but Open-Meteo keeps failing for the second place (asked for after the first).
        world.OpenMeteo.ServeFairWeather();
        world.OpenMeteo.FailAt(36.25, -95.9, 503);
        var jobs = app.Services.GetRequiredService<WeatherJobs>();
        await Assert.ThrowsAsync<HttpRequestException>(() => jobs.CheckTenantAsync(world.TenantId, CancellationToken.None));

        var after = await world.RisksAsync();
        Assert.Equal(before.Select(r => (r.BookingId, r.Status, r.Reason, r.CheckedAt)), after.Select(r => (r.BookingId, r.Status, r.Reason, r.CheckedAt)));

        // The retry, once Open-Meteo answers again, does the whole job.
        world.OpenMeteo.Reset();
        world.OpenMeteo.Today = world.Today;
        await jobs.CheckTenantAsync(world.TenantId, CancellationToken.None);
        Assert.All(await world.RisksAsync(), r => Assert.Equal(WeatherRiskStatus.Cleared, r.Status));
    }
}
