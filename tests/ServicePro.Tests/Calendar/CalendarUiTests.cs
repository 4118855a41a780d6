using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ServicePro.Host.Bookings;
using ServicePro.Host.Technicians;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Calendar;

/// <summary>The staff calendar in real headless Chromium: the picture, booking from it, rescheduling and cancelling, each page axe-clean.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CalendarUiTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_day_and_week_views_draw_each_job_as_a_block_at_its_time_in_its_technicians_column()
    {
        var tenant = await app.CreateTenantAsync("lawn_care");
        var seed = new CalendarSeed(app, tenant);
        var alex = await seed.TechnicianAsync("Alex Rivera", "#0f766e");
        var sam = await seed.TechnicianAsync("Sam Lee", "#f59e0b");
        var dana = await seed.CustomerAsync("Dana Whitfield");
        var lee = await seed.CustomerAsync("Lee Park");
        var service = await seed.ServiceAsync();
        var day = NextWeekday(DayOfWeek.Wednesday);
        var alexJob = await seed.BookingAsync(alex, dana, service.Id, day.ToDateTime(new TimeOnly(10, 0)), 90);
        var samJob = await seed.BookingAsync(sam, lee, service.Id, day.ToDateTime(new TimeOnly(13, 30)), 60, BookingStatus.Pending);
        var cancelled = await seed.BookingAsync(sam, dana, service.Id, day.ToDateTime(new TimeOnly(9, 0)), 60, BookingStatus.Cancelled);
        await seed.TimeOffAsync(sam, day.ToDateTime(new TimeOnly(9, 0)), day.ToDateTime(new TimeOnly(11, 0)), "Dentist");

        var root = $"/t/{tenant.Slug}/admin/calendar";
        var page = await SignInAsync(tenant, $"{root}?view=day&date={day:yyyy-MM-dd}&technician=all");

        // Seed hours are 09:00–15:00, so the day is six hours tall: 10:00–11:30 starts a sixth of the way down, a quarter tall.
        await AssertPlacedAsync(page, alexJob.Id, $"column-{alex.Id}-{day:yyyy-MM-dd}", top: 1 / 6.0, height: 1.5 / 6);
        await AssertPlacedAsync(page, samJob.Id, $"column-{sam.Id}-{day:yyyy-MM-dd}", top: 4.5 / 6, height: 1 / 6.0);
        var block = page.Locator($"#booking-{alexJob.Id}");
        Assert.Contains("10:00 – 11:30 AM", await block.InnerTextAsync());
        Assert.Contains("Dana Whitfield", await block.InnerTextAsync());
        Assert.Contains(service.Name, await block.InnerTextAsync());
        Assert.Contains("Confirmed", await block.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Pending", await page.Locator($"#booking-{samJob.Id}").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("rgb(15, 118, 110)", await block.Locator("a").EvaluateAsync<string>("a => getComputedStyle(a).backgroundColor"));
        Assert.Contains("Time off: Dentist", await page.Locator($"#column-{sam.Id}-{day:yyyy-MM-dd}").InnerTextAsync());
        Assert.Contains("Lunch", await page.Locator($"#column-{alex.Id}-{day:yyyy-MM-dd}").InnerTextAsync());
        Assert.Equal(0, await page.Locator($"#booking-{cancelled.Id}").CountAsync());
        Assert.Contains("Dana Whitfield", await page.Locator("#not-drawn").InnerTextAsync());
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("calendar-day"), FullPage = true });

        await page.SetViewportSizeAsync(390, 844);
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("calendar-day-phone"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);

        // The technician's name on the day view leads to their week.
        await page.Locator($"#column-{alex.Id}-{day:yyyy-MM-dd} h3 a").ClickAsync();
        await page.WaitForURLAsync("**view=week**");
        Assert.Equal(7, await page.Locator(".cal-column").CountAsync());
        await AssertPlacedAsync(page, alexJob.Id, $"column-{alex.Id}-{day:yyyy-MM-dd}", top: 1 / 6.0, height: 1.5 / 6);
        Assert.Equal(0, await page.Locator($"#booking-{samJob.Id}").CountAsync());
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("calendar-week"), FullPage = true });

        await page.SetViewportSizeAsync(390, 844);
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("calendar-week-phone"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);

        // Next and previous move by a week; the job is gone a week later and back again.
        await page.Locator("#calendar-next").ClickAsync();
        await page.WaitForURLAsync($"**date={day.AddDays(7):yyyy-MM-dd}**");
        Assert.Equal(0, await page.Locator($"#booking-{alexJob.Id}").CountAsync());
        await page.Locator("#calendar-previous").ClickAsync();
        await page.WaitForURLAsync($"**date={day:yyyy-MM-dd}**");
        await page.Locator($"#booking-{alexJob.Id} a").ClickAsync();
        await page.WaitForURLAsync($"**/admin/calendar/bookings/{alexJob.Id}");
        Assert.Contains("10:00 – 11:30 AM", await page.Locator("#booking-when").InnerTextAsync());
        await BrowserApp.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Staff_book_a_job_from_the_form_and_a_time_taken_meanwhile_is_answered_with_alternatives_to_choose()
    {
        var tenant = await app.CreateTenantAsync("lawn_care");
        var seed = new CalendarSeed(app, tenant);
        var alex = await seed.TechnicianAsync("Alex Rivera", "#0f766e");
        var dana = await seed.CustomerAsync("Dana Whitfield");
        var lee = await seed.CustomerAsync("Lee Park");
        var service = await seed.ServiceAsync();
        var day = NextWeekday(DayOfWeek.Thursday);
        var page = await SignInAsync(tenant, $"/t/{tenant.Slug}/admin/calendar?view=day&date={day:yyyy-MM-dd}&technician={alex.Id}");

        await page.Locator("#new-booking").ClickAsync();
        await page.WaitForURLAsync("**/admin/calendar/new**");
        await page.FillAsync("#q", "Whit");
        await page.Locator("#search-button").ClickAsync();
        await page.WaitForURLAsync("**q=Whit**");
        Assert.Equal(["Choose a customer", "Dana Whitfield · " + dana.Phone], (await page.Locator("#customer option").AllInnerTextsAsync()).Select(o => o.Trim()));
        await page.SelectOptionAsync("#customer", dana.Id.ToString());
        await page.SelectOptionAsync("#service", service.Id.ToString());
        Assert.Equal(alex.Id.ToString(), await page.InputValueAsync("#technician"));
        Assert.Equal(day.ToString("yyyy-MM-dd"), await page.InputValueAsync("#date"));
        await page.Locator("#show-times-button").ClickAsync();
        await page.Locator("#booking-times").WaitForAsync();
        Assert.Contains("9:00 AM", await page.Locator("#booking-times").InnerTextAsync());
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("calendar-new-booking"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("calendar-new-booking-phone"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);

        // While the form is open, someone else takes 10:00 with Alex.
        await seed.BookingAsync(alex, lee, service.Id, day.ToDateTime(new TimeOnly(10, 0)), 60);
        await page.GetByLabel("10:00 AM", new() { Exact = true }).CheckAsync();
        await page.FillAsync("#Notes", "Side gate");
        await page.Locator("#book-button").ClickAsync();

        await page.Locator("#problem").WaitForAsync();
        Assert.Contains("not available", await page.Locator("#problem").InnerTextAsync());
        var alternatives = page.Locator("#booking-times input[type=radio]");
        Assert.True(await alternatives.CountAsync() > 0);
        Assert.Contains("Nearest open times", await page.Locator("#booking-times legend").InnerTextAsync());
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("calendar-new-booking-conflict"), FullPage = true });
        var offered = DateTimeOffset.Parse(await alternatives.First.GetAttributeAsync("value") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        await alternatives.First.CheckAsync();
        await page.Locator("#book-button").ClickAsync();

        try
        {
            await page.WaitForURLAsync("**/admin/calendar/bookings/**", new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            // The form comes back instead of the booking page only with a problem: say which.
            Assert.Fail($"Booking the offered {offered:O} returned the form: {string.Join(" ", await page.Locator("#problem, .field-error").AllInnerTextsAsync())}");
        }
        Assert.Contains("Booked", await page.Locator("#notice").InnerTextAsync());
        var booked = await app.InTenantAsync(tenant.Slug, db => db.Bookings.Where(b => b.CustomerId == dana.Id).ToListAsync());
        var job = Assert.Single(booked);
        Assert.Equal(offered, job.StartsAt);
        Assert.Equal((alex.Id, BookingStatus.Confirmed, "staff", "Side gate"), (job.TechnicianId, job.Status, job.Source, job.Notes));
        Assert.EndsWith(job.Id.ToString(), page.Url);

        await page.GotoAsync($"/t/{tenant.Slug}/admin/calendar?view=day&date={DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(job.StartsAt, CalendarSeed.Chicago).DateTime):yyyy-MM-dd}&technician=all");
        Assert.Contains("Dana Whitfield", await page.Locator($"#booking-{job.Id}").InnerTextAsync());
    }

    [Fact]
    public async Task Staff_move_a_job_to_an_offered_time_and_cancel_it_with_a_reason()
    {
        var tenant = await app.CreateTenantAsync("lawn_care");
        var seed = new CalendarSeed(app, tenant);
        var alex = await seed.TechnicianAsync("Alex Rivera", "#0f766e");
        var dana = await seed.CustomerAsync("Dana Whitfield");
        var service = await seed.ServiceAsync();
        var day = NextWeekday(DayOfWeek.Tuesday);
        var job = await seed.BookingAsync(alex, dana, service.Id, day.ToDateTime(new TimeOnly(10, 0)), 60);
        var page = await SignInAsync(tenant, $"/t/{tenant.Slug}/admin/calendar/bookings/{job.Id}");

        Assert.Contains(day.ToString("MMM d", System.Globalization.CultureInfo.GetCultureInfo("en-US")), await page.Locator("#reschedule-times legend").InnerTextAsync());
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("calendar-booking"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("calendar-booking-phone"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);

        // Another day: pick it, see its open times, move there.
        var nextDay = day.AddDays(1);
        await page.FillAsync("#reschedule-date", nextDay.ToString("yyyy-MM-dd"));
        await page.Locator("#show-times-button").ClickAsync();
        await page.WaitForURLAsync($"**date={nextDay:yyyy-MM-dd}**");
        await page.GetByLabel("1:30 PM", new() { Exact = true }).CheckAsync();
        await page.Locator("#reschedule-button").ClickAsync();

        await page.Locator("#notice").WaitForAsync();
        Assert.Contains("Moved to", await page.Locator("#notice").InnerTextAsync());
        Assert.Contains("1:30 – 2:30 PM", await page.Locator("#booking-when").InnerTextAsync());
        var moved = await app.InTenantAsync(tenant.Slug, db => db.Bookings.SingleAsync(b => b.Id == job.Id));
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(nextDay.ToDateTime(new TimeOnly(13, 30)), CalendarSeed.Chicago), moved.StartsAt.UtcDateTime);
        Assert.Equal(job.Version + 1, moved.Version);

        // Cancelling needs a reason; without one nothing changes.
        await page.Locator("#cancel-button").ClickAsync();
        await page.Locator("#Reason-error").WaitForAsync();
        Assert.Equal("true", await page.GetAttributeAsync("#Reason", "aria-invalid"));
        await BrowserApp.AssertAccessibleAsync(page);
        Assert.Equal(BookingStatus.Confirmed, (await app.InTenantAsync(tenant.Slug, db => db.Bookings.SingleAsync(b => b.Id == job.Id))).Status);

        await page.SelectOptionAsync("#Reason", CancellationReasons.Weather);
        await page.FillAsync("#Feedback", "Rain all week, will call back");
        await page.Locator("#cancel-button").ClickAsync();
        await page.Locator("#notice").WaitForAsync();
        Assert.Equal("Cancelled", (await page.Locator("#booking-status").InnerTextAsync()).Trim());
        Assert.Contains("Rain all week", await page.Locator("#booking-cancellation").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#cancel-form").CountAsync());
        var cancelled = await app.InTenantAsync(tenant.Slug, db => db.Bookings.SingleAsync(b => b.Id == job.Id));
        Assert.Equal((BookingStatus.Cancelled, CancellationReasons.Weather, "Rain all week, will call back"),
            (cancelled.Status, cancelled.CancellationReason, cancelled.CancellationFeedback));
        await BrowserApp.AssertAccessibleAsync(page);

        await page.Locator(".breadcrumb a").ClickAsync();
        await page.WaitForURLAsync("**/admin/calendar?**");
        Assert.Equal(0, await page.Locator($"#booking-{job.Id}").CountAsync());
        Assert.Contains("Dana Whitfield", await page.Locator("#not-drawn").InnerTextAsync());
    }

    [Fact]
    public async Task Staff_create_a_technicians_feed_address_see_it_once_replace_it_and_turn_it_off()
    {
        var tenant = await app.CreateTenantAsync("lawn_care");
        var seed = new CalendarSeed(app, tenant);
        var alex = await seed.TechnicianAsync("Alex Rivera", "#0f766e");
        var dana = await seed.CustomerAsync("Dana Whitfield");
        var service = await seed.ServiceAsync();
        var job = await seed.BookingAsync(alex, dana, service.Id, NextWeekday(DayOfWeek.Monday).ToDateTime(new TimeOnly(9, 0)), 60);
        var page = await SignInAsync(tenant, $"/t/{tenant.Slug}/admin/calendar?view=week&technician={alex.Id}");
        var feeds = app.ForTenant(tenant.Slug);

        await page.Locator("#calendar-feed").ClickAsync();
        await page.WaitForURLAsync($"**/admin/calendar/feed/{alex.Id}");
        Assert.Equal("Off", (await page.Locator("#feed-status").InnerTextAsync()).Trim());
        await BrowserApp.AssertAccessibleAsync(page);
        await page.Locator("#create-feed-button").ClickAsync();
        await page.Locator("#feed-url").WaitForAsync();
        var first = new Uri(await page.InputValueAsync("#feed-url"));
        Assert.Equal($"{tenant.Slug}.servicepro.localhost", first.Host);
        Assert.Equal($"webcal://{first.Host}{first.AbsolutePath}", await page.GetAttributeAsync("#feed-webcal", "href"));
        Assert.Equal("On", (await page.Locator("#feed-status").InnerTextAsync()).Trim());
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("calendar-feed"), FullPage = true });
        Assert.Contains($"UID:{job.Id}@", await feeds.GetStringAsync(new Uri(first.AbsolutePath, UriKind.Relative)));

        // Shown once: coming back shows no address.
        await page.GotoAsync($"/t/{tenant.Slug}/admin/calendar/feed/{alex.Id}");
        Assert.Equal(0, await page.Locator("#feed-url").CountAsync());
        await page.Locator("#create-feed-button").ClickAsync();
        await page.Locator("#feed-url").WaitForAsync();
        var second = new Uri(await page.InputValueAsync("#feed-url"));
        Assert.NotEqual(first, second);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await feeds.GetAsync(new Uri(first.AbsolutePath, UriKind.Relative))).StatusCode);

        await page.Locator("#revoke-feed-button").ClickAsync();
        await page.Locator("#notice").WaitForAsync();
        Assert.Equal("Off", (await page.Locator("#feed-status").InnerTextAsync()).Trim());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await feeds.GetAsync(new Uri(second.AbsolutePath, UriKind.Relative))).StatusCode);
    }

    /// <summary>The block's top and height as fractions of its column's body, within a pixel or two.</summary>
    private static async Task AssertPlacedAsync(IPage page, Guid bookingId, string columnId, double top, double height)
    {
        var body = await page.Locator($"#{columnId} .cal-body").BoundingBoxAsync();
        var block = await page.Locator($"#{columnId} #booking-{bookingId}").BoundingBoxAsync();
        Assert.NotNull(body);
        Assert.NotNull(block);
        Assert.InRange(block.Y - body.Y, top * body.Height - 2, top * body.Height + 2);
        Assert.InRange(block.Height, height * body.Height - 2, height * body.Height + 2);
        Assert.InRange(block.X, body.X - 1, body.X + body.Width);
    }

    /// <summary>The next <paramref name="weekday"/> at least two days from now in Chicago, so a job there is still ahead.</summary>
    private static DateOnly NextWeekday(DayOfWeek weekday)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, CalendarSeed.Chicago)).AddDays(2);
        while (day.DayOfWeek != weekday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private async Task<IPage> SignInAsync(TestTenant tenant, string path)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(path);
        await page.FillAsync("#Email", tenant.OwnerEmail);
        await page.FillAsync("#Password", tenant.OwnerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**" + path);
        return page;
    }
}
