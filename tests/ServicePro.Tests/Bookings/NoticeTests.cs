using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Abstractions;
using ServicePro.Host.Auditing;
using ServicePro.Host.Bookings;
using ServicePro.Host.Customers;
using ServicePro.Host.Events;
using ServicePro.Host.Jobs;
using ServicePro.Host.Notices;
using ServicePro.Tests.Fakes;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Bookings;

public sealed class NoticeTests(NoticesApp app) : IClassFixture<NoticesApp>
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static readonly string MessagesPath = $"/2010-04-01/Accounts/{FakeTwilio.AccountSid}/Messages.json";

    [Fact]
    public async Task A_due_reminder_is_written_from_the_tenants_template_and_sent_once_however_often_the_sweep_runs()
    {
        var shop = await NoticeShop.OpenAsync(app);
        await shop.SetTemplateAsync(MessageMoments.Reminder,
            "{{ business.name }}: hi {{ customer.first_name }}, {{ booking.service }} {{ booking.when }} with {{ technician.first_name }}. {{ reschedule_url }}");
        var customer = await shop.CustomerAsync();
        var booking = await shop.BookAsync(customer, TimeSpan.FromHours(3));

        var sent = await Task.WhenAll(shop.SweepAsync(), shop.SweepAsync());
        sent = [.. sent, await shop.SweepAsync()];

        Assert.Equal(1, sent.Sum());
        var text = Assert.Single(shop.TextsTo(customer));
        var when = TimeZoneInfo.ConvertTime(booking.StartsAt, Chicago).ToString("ddd, MMM d 'at' h:mm tt", CultureInfo.GetCultureInfo("en-US"));
        // Written straight to the database, the booking had no customer code: the link gave it one.
        var code = await app.InTenantAsync(shop.Slug, db => db.Bookings.Where(b => b.Id == booking.Id).Select(b => b.CustomerCode).SingleAsync());
        Assert.Equal(22, code?.Length);
        Assert.Equal(
            $"Shiny Wheels Detailing: hi Jordan, {shop.ServiceName} {when} with Sam. https://{shop.Slug}.servicepro.localhost/b/{code}",
            text.Body);
        Assert.Equal(FakeTwilio.PhoneNumber, text.From);
        var notice = Assert.Single(await shop.NoticesAsync(booking.Id));
        Assert.Equal((NoticeStatus.Sent, MessageMoments.Reminder, booking.StartsAt), (notice.Status, notice.Kind, notice.ForStartsAt));
        Assert.Equal((text.Sid, text.Body, customer.Phone, "sms"), (notice.ProviderMessageId, notice.Body, notice.Recipient, notice.Channel));
        Assert.NotNull(notice.SentAt);
    }

    [Fact]
    public async Task A_notice_a_stopped_process_left_sending_is_marked_unknown_by_the_sweep_and_only_staff_send_it_again()
    {
        var shop = await NoticeShop.OpenAsync(app);
        var customer = await shop.CustomerAsync();
        var stale = await shop.BookAsync(customer, TimeSpan.FromHours(3));
        var fresh = await shop.BookAsync(customer, TimeSpan.FromHours(5), technician: "Alex Kim");
        var now = DateTimeOffset.UtcNow;
        await app.InTenantAsync(shop.Slug, db =>
        {
            db.BookingNotices.AddRange(
                LeftSending(stale, MessageMoments.Reminder, customer, now.AddMinutes(-20)),
                LeftSending(stale, MessageMoments.OnMyWay, customer, now.AddMinutes(-20)),
                LeftSending(fresh, MessageMoments.Reminder, customer, now.AddMinutes(-1))); // may well still be on its way
            return db.SaveChangesAsync();
        });

        Assert.Equal(0, await shop.SweepAsync());

        Assert.Empty(shop.TextsTo(customer)); // whether they went out is unknown: never twice on its own
        var abandoned = await shop.NoticesAsync(stale.Id);
        Assert.Equal(2, abandoned.Count);
        Assert.All(abandoned, n => Assert.Equal(NoticeStatus.Unknown, n.Status));
        Assert.All(abandoned, n => Assert.Contains("may or may not have reached the customer", n.Detail, StringComparison.Ordinal));
        Assert.Equal(NoticeStatus.Sending, Assert.Single(await shop.NoticesAsync(fresh.Id)).Status);

        var again = await shop.Tenant.Owner.PostAsJsonAsync($"/api/bookings/{stale.Id}/on-my-way", new { etaMinutes = 15 });
        again.EnsureSuccessStatusCode();
        Assert.Single(shop.TextsTo(customer));
    }

    private static BookingNotice LeftSending(Booking booking, string kind, ShopCustomer customer, DateTimeOffset claimedAt) => new()
    {
        Id = Guid.CreateVersion7(),
        BookingId = booking.Id,
        Kind = kind,
        ForStartsAt = booking.StartsAt,
        Status = NoticeStatus.Sending,
        Channel = BookingNotices.SmsChannel,
        Recipient = customer.Phone,
        CreatedAt = claimedAt,
        ClaimedAt = claimedAt,
    };

    [Fact]
    public async Task Confirming_a_booking_texts_the_customer_once_even_when_the_event_is_delivered_again()
    {
        var shop = await NoticeShop.OpenAsync(app);
        var customer = await shop.CustomerAsync();
        var booking = await shop.BookAsync(customer, TimeSpan.FromDays(2), status: BookingStatus.Pending);

        (await shop.Tenant.Owner.PostAsync(new Uri($"/api/bookings/{booking.Id}/confirm", UriKind.Relative), null)).EnsureSuccessStatusCode();

        await Eventually.UntilAsync(() => shop.TextsTo(customer).Count > 0, "No confirmation text was sent");

        // Delivered again, as at-least-once delivery may: the notice row stops a second text.
        await app.InTenantAsync(shop.Slug, db => db.DomainEvents.ExecuteUpdateAsync(e => e.SetProperty(x => x.DispatchedAt, (DateTimeOffset?)null)));
        await app.Services.GetRequiredService<ServicePro.Host.Events.DomainEventDispatcher>().DispatchAsync(shop.Info.Id, CancellationToken.None);

        var text = Assert.Single(shop.TextsTo(customer));
        Assert.Contains("you're booked", text.Body, StringComparison.Ordinal);
        var notice = Assert.Single(await shop.NoticesAsync(booking.Id));
        Assert.Equal((NoticeStatus.Sent, MessageMoments.BookingConfirmation), (notice.Status, notice.Kind));
    }

    [Fact]
    public async Task The_every_minute_job_covers_every_tenant_and_two_runs_at_once_text_each_customer_once()
    {
        var first = await NoticeShop.OpenAsync(app);
        var second = await NoticeShop.OpenAsync(app);
        var ann = await first.CustomerAsync(name: "Ann Lee");
        var bo = await second.CustomerAsync(name: "Bo Park");
        await first.BookAsync(ann, TimeSpan.FromHours(20));
        await second.BookAsync(bo, TimeSpan.FromMinutes(30));
        var later = await second.BookAsync(bo, TimeSpan.FromHours(30)); // beyond the 24 hours

        await Task.WhenAll(SweepAllAsync(), SweepAllAsync());

        Assert.Single(first.TextsTo(ann));
        var text = Assert.Single(second.TextsTo(bo));
        Assert.StartsWith("Shiny Wheels Detailing reminder:", text.Body);
        Assert.Empty(await second.NoticesAsync(later.Id));
    }

    [Fact]
    public async Task No_text_goes_to_a_customer_who_has_not_agreed_to_texts()
    {
        var shop = await NoticeShop.OpenAsync(app);
        var customer = await shop.CustomerAsync(consent: false);
        var booking = await shop.BookAsync(customer, TimeSpan.FromHours(3));

        Assert.Equal(0, await shop.SweepAsync());
        await shop.SweepAsync();

        Assert.Empty(shop.TextsTo(customer));
        var notice = Assert.Single(await shop.NoticesAsync(booking.Id));
        Assert.Equal((NoticeStatus.Skipped, "Customer has not agreed to texts."), (notice.Status, notice.Detail));
    }

    [Fact]
    public async Task No_text_goes_out_without_Twilio_connected()
    {
        var shop = await NoticeShop.OpenAsync(app, twilio: false);
        var customer = await shop.CustomerAsync();
        var booking = await shop.BookAsync(customer, TimeSpan.FromHours(3));

        await shop.SweepAsync();

        Assert.Empty(shop.TextsTo(customer));
        var notice = Assert.Single(await shop.NoticesAsync(booking.Id));
        Assert.Equal(NoticeStatus.Skipped, notice.Status);
        Assert.Contains("connect Twilio", notice.Detail);
    }

    [Fact]
    public async Task No_text_goes_out_while_texting_is_switched_off_for_the_business()
    {
        var shop = await NoticeShop.OpenAsync(app);
        (await app.Operator().PutAsJsonAsync($"/api/platform/tenants/{shop.Slug}/flags/{FeatureFlags.Sms}", new { enabled = false })).EnsureSuccessStatusCode();
        var customer = await shop.CustomerAsync();
        var booking = await shop.BookAsync(customer, TimeSpan.FromHours(3));

        await shop.SweepAsync();

        Assert.Empty(shop.TextsTo(customer));
        var notice = Assert.Single(await shop.NoticesAsync(booking.Id));
        Assert.Equal((NoticeStatus.Skipped, "Texting is turned off for this business."), (notice.Status, notice.Detail));
    }

    [Fact]
    public async Task A_late_job_sends_nothing_once_the_appointment_has_started()
    {
        var shop = await NoticeShop.OpenAsync(app);
        var customer = await shop.CustomerAsync();
        var started = await shop.BookAsync(customer, TimeSpan.FromMinutes(-5));

        Assert.Equal(0, await shop.SweepAsync());
        Assert.Empty(await shop.NoticesAsync(started.Id));

        // A retry (or any job) that turns up after the start records why it didn't text.
        await shop.RetryAsync(started.Id, MessageMoments.Reminder, started.StartsAt);

        Assert.Empty(shop.TextsTo(customer));
        var notice = Assert.Single(await shop.NoticesAsync(started.Id));
        Assert.Equal(NoticeStatus.Skipped, notice.Status);
        Assert.StartsWith("Too late", notice.Detail);
    }

    [Fact]
    public async Task A_booking_made_less_than_two_hours_ahead_gets_no_reminder_and_says_why()
    {
        var shop = await NoticeShop.OpenAsync(app);
        var customer = await shop.CustomerAsync();
        var booking = await shop.BookAsync(customer, TimeSpan.FromHours(1), bookedAhead: TimeSpan.FromMinutes(90));

        await shop.SweepAsync();

        Assert.Empty(shop.TextsTo(customer));
        var notice = Assert.Single(await shop.NoticesAsync(booking.Id));
        Assert.Equal(NoticeStatus.Skipped, notice.Status);
        Assert.StartsWith("Booked less than 2 hours ahead", notice.Detail);
    }

    [Fact]
    public async Task A_rescheduled_booking_gets_a_fresh_reminder_and_a_cancelled_one_none()
    {
        var shop = await NoticeShop.OpenAsync(app);
        var customer = await shop.CustomerAsync();
        var moved = await shop.BookAsync(customer, TimeSpan.FromHours(3));
        var cancelled = await shop.BookAsync(customer, TimeSpan.FromHours(4), technician: "Alex Kim");
        await shop.UpdateAsync(cancelled.Id, b => (b.Status, b.CancelledAt, b.CancellationReason) = (BookingStatus.Cancelled, DateTimeOffset.UtcNow, "schedule_conflict"));

        Assert.Equal(1, await shop.SweepAsync());
        await shop.MoveAsync(moved.Id, TimeSpan.FromHours(5));
        Assert.Equal(1, await shop.SweepAsync());
        Assert.Equal(0, await shop.SweepAsync());

        Assert.Equal(2, shop.TextsTo(customer).Count);
        var notices = await shop.NoticesAsync(moved.Id);
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Equal(NoticeStatus.Sent, n.Status));
        Assert.True(notices[1].ForStartsAt - notices[0].ForStartsAt == TimeSpan.FromHours(2));
        Assert.Empty(await shop.NoticesAsync(cancelled.Id));

        // A retry left over for the old time doesn't text about it.
        await shop.RetryAsync(moved.Id, MessageMoments.Reminder, notices[0].ForStartsAt);
        Assert.Equal(2, shop.TextsTo(customer).Count);
    }

    [Fact]
    public async Task A_Twilio_outage_fails_the_reminder_and_two_retries_at_once_send_it_once()
    {
        var shop = await NoticeShop.OpenAsync(app);
        var customer = await shop.CustomerAsync();
        var booking = await shop.BookAsync(customer, TimeSpan.FromHours(3));
        app.Fakes.Twilio.FailNextRequestTo("POST", MessagesPath, 503);

        Assert.Equal(0, await shop.SweepAsync());

        var failed = Assert.Single(await shop.NoticesAsync(booking.Id));
        Assert.Equal(NoticeStatus.Failed, failed.Status);
        Assert.Contains("we'll try again", failed.Detail);
        Assert.Empty(shop.TextsTo(customer));
        Assert.Equal(0, await shop.SweepAsync()); // the sweep leaves a failed notice to its retry

        await Task.WhenAll(
            shop.RetryAsync(booking.Id, MessageMoments.Reminder, booking.StartsAt),
            shop.RetryAsync(booking.Id, MessageMoments.Reminder, booking.StartsAt));
        await shop.RetryAsync(booking.Id, MessageMoments.Reminder, booking.StartsAt);

        var text = Assert.Single(shop.TextsTo(customer));
        var notice = Assert.Single(await shop.NoticesAsync(booking.Id));
        Assert.Equal((NoticeStatus.Sent, text.Sid, null), (notice.Status, notice.ProviderMessageId, notice.Detail));
    }

    [Fact]
    public async Task A_retry_job_throws_while_Twilio_is_still_down_so_Hangfire_tries_again_later()
    {
        var shop = await NoticeShop.OpenAsync(app);
        var customer = await shop.CustomerAsync();
        var booking = await shop.BookAsync(customer, TimeSpan.FromHours(3));
        app.Fakes.Twilio.FailNextRequestTo("POST", MessagesPath, 503);
        await shop.SweepAsync();
        app.Fakes.Twilio.FailNextRequestTo("POST", MessagesPath, 503);

        await Assert.ThrowsAsync<NoticeNotDeliveredException>(() => shop.RetryAsync(booking.Id, MessageMoments.Reminder, booking.StartsAt));

        Assert.Equal(NoticeStatus.Failed, Assert.Single(await shop.NoticesAsync(booking.Id)).Status);
        Assert.Empty(shop.TextsTo(customer));
    }

    [Fact]
    public async Task On_my_way_texts_the_customer_once_per_booking_start_and_a_second_press_is_a_409()
    {
        var shop = await NoticeShop.OpenAsync(app);
        var customer = await shop.CustomerAsync();
        var booking = await shop.BookAsync(customer, TimeSpan.FromMinutes(40), technician: "Dana Cruz");

        var first = await shop.Tenant.Owner.PostAsJsonAsync($"/api/bookings/{booking.Id}/on-my-way", new { etaMinutes = 20 });
        var second = await shop.Tenant.Owner.PostAsJsonAsync($"/api/bookings/{booking.Id}/on-my-way", new { etaMinutes = 10 });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var notice = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sent", notice.GetProperty("status").GetString());
        var text = Assert.Single(shop.TextsTo(customer));
        Assert.Contains("Dana is on the way, about 35 min out", text.Body); // 20 minutes plus the tenant's 15 minutes of padding
        Assert.Equal(text.Body, notice.GetProperty("body").GetString());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("already sent at", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var list = await shop.Tenant.Owner.GetFromJsonAsync<JsonElement>($"/api/bookings/{booking.Id}/notices");
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal(("on_my_way", "sent"), (listed.GetProperty("kind").GetString(), listed.GetProperty("status").GetString()));
        Assert.DoesNotContain(FakeTwilio.AuthToken, list.GetRawText());
        Assert.True(await app.InTenantAsync(shop.Slug, db => db.AuditLog.AnyAsync(a => a.Action == "booking.on_my_way" && a.EntityId == booking.Id.ToString())));
    }

    [Fact]
    public async Task On_my_way_without_an_estimate_promises_the_time_left_until_the_appointment_plus_padding()
    {
        var shop = await NoticeShop.OpenAsync(app);
        var customer = await shop.CustomerAsync();
        var booking = await shop.BookAsync(customer, TimeSpan.FromMinutes(30));

        var response = await shop.Tenant.Owner.PostAsync(new Uri($"/api/bookings/{booking.Id}/on-my-way", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = Assert.Single(shop.TextsTo(customer)).Body;
        var minutes = int.Parse(System.Text.RegularExpressions.Regex.Match(body, @"about (\d+) min").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(minutes, 15 + 28, 15 + 30);
    }

    [Fact]
    public async Task On_my_way_skipped_for_want_of_consent_can_be_pressed_again_once_the_customer_agrees()
    {
        var shop = await NoticeShop.OpenAsync(app);
        var customer = await shop.CustomerAsync(consent: false);
        var booking = await shop.BookAsync(customer, TimeSpan.FromMinutes(40));

        var skipped = await (await shop.Tenant.Owner.PostAsJsonAsync($"/api/bookings/{booking.Id}/on-my-way", new { etaMinutes = 10 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        await app.InTenantAsync(shop.Slug, async db =>
        {
            var c = await db.Customers.FirstAsync(c => c.Id == customer.Id);
            (c.SmsConsent, c.SmsConsentSource, c.SmsConsentAt) = (true, "verbal", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var sent = await shop.Tenant.Owner.PostAsJsonAsync($"/api/bookings/{booking.Id}/on-my-way", new { etaMinutes = 10 });

        Assert.Equal(("skipped", "Customer has not agreed to texts."), (skipped.GetProperty("status").GetString(), skipped.GetProperty("detail").GetString()));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Single(shop.TextsTo(customer));
        Assert.Equal(NoticeStatus.Sent, Assert.Single(await shop.NoticesAsync(booking.Id)).Status);
    }

    [Fact]
    public async Task On_my_way_to_a_customer_who_texted_STOP_fails_with_the_reason_and_is_not_retried()
    {
        var shop = await NoticeShop.OpenAsync(app);
        var customer = await shop.CustomerAsync();
        var booking = await shop.BookAsync(customer, TimeSpan.FromMinutes(40));
        app.Fakes.Twilio.OptedOut.Add(customer.Phone);

        var response = await shop.Tenant.Owner.PostAsJsonAsync($"/api/bookings/{booking.Id}/on-my-way", new { etaMinutes = 10 });

        var notice = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("failed", notice.GetProperty("status").GetString());
        Assert.Contains("replying STOP", notice.GetProperty("detail").GetString());
        Assert.Empty(shop.TextsTo(customer));
    }

    [Fact]
    public async Task On_my_way_refuses_bad_input_unknown_bookings_and_closed_ones_without_writing()
    {
        var shop = await NoticeShop.OpenAsync(app);
        var customer = await shop.CustomerAsync();
        var cancelled = await shop.BookAsync(customer, TimeSpan.FromMinutes(40), status: BookingStatus.Cancelled);
        var owner = shop.Tenant.Owner;

        var badEta = await owner.PostAsJsonAsync($"/api/bookings/{cancelled.Id}/on-my-way", new { etaMinutes = 0 });
        var unknown = await owner.PostAsJsonAsync($"/api/bookings/{Guid.NewGuid()}/on-my-way", new { etaMinutes = 10 });
        var closed = await owner.PostAsJsonAsync($"/api/bookings/{cancelled.Id}/on-my-way", new { etaMinutes = 10 });
        var anonymous = await app.ForTenant(shop.Slug).PostAsJsonAsync($"/api/bookings/{cancelled.Id}/on-my-way", new { etaMinutes = 10 });
        var otherShop = await NoticeShop.OpenAsync(app);
        var elsewhere = await otherShop.Tenant.Owner.GetAsync(new Uri($"/api/bookings/{cancelled.Id}/notices", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, badEta.StatusCode);
        Assert.True((await badEta.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("etaMinutes", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Empty(await shop.NoticesAsync(cancelled.Id));
        Assert.Empty(shop.TextsTo(customer));
    }

    [Fact]
    public void The_reminder_sweep_is_a_recurring_job()
    {
        Assert.Contains(app.Services.GetServices<RecurringJobRegistration>(), r => r.Id == NoticeJobs.ReminderSweepJobId);
    }

    private async Task SweepAllAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NoticeJobs>().SweepRemindersAsync(CancellationToken.None);
    }
}
