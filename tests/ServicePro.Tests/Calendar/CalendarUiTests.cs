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
        var seed = new CalendarSeed(app, tenant.Slug);
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
        await page.WaitForURLAsync("**/admin/calendar**");
        return page;
    }
}
