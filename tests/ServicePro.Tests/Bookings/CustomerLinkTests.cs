using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Bookings;
using ServicePro.Host.Notices;
using ServicePro.Host.Tenancy;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Bookings;

/// <summary>The page behind the link in a customer's texts, on a phone-sized screen in headless Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CustomerLinkTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_link_in_a_customers_texts_shows_their_booking_and_no_other_address_does()
    {
        var world = await BookingWorld.CreateAsync(app);
        var other = await app.CreateTenantAsync();
        await app.InTenantAsync(null, db => db.Tenants.Where(t => t.Slug == world.Slug).ExecuteUpdateAsync(u => u.SetProperty(t => t.Phone, "+19185550123")));
        var created = await world.Owner.PostAsJsonAsync("/api/bookings", world.Booking(world.At(10)));
        var booking = (await created.Content.ReadFromJsonAsync<BookingJson>())!;
        var code = await app.InTenantAsync(world.Slug, db => db.Bookings.Where(b => b.Id == booking.Id).Select(b => b.CustomerCode).SingleAsync());
        Assert.Equal(22, code?.Length); // 128 random bits, not the id

        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        var shown = await page.GotoAsync($"/t/{world.Slug}/b/{code}");
        Assert.Equal(200, shown!.Status);
        Assert.Equal("You're booked.", await page.InnerTextAsync("#booking-status"));
        Assert.Contains("10:00 – 11:00 AM", await page.InnerTextAsync("#booking-when"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#change-it a[href='tel:+19185550123']").CountAsync());
        await BrowserApp.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("customer-booking"), FullPage = true });

        foreach (var path in new[] { $"/t/{world.Slug}/b/{booking.Id:N}", $"/t/{world.Slug}/b/{BookingLinks.NewCode()}", $"/t/{other.Slug}/b/{code}" })
        {
            Assert.Equal(404, (await page.GotoAsync(path))!.Status);
        }

        (await world.Owner.PostAsJsonAsync($"/api/bookings/{booking.Id}/cancel", new { reason = CancellationReasons.Weather })).EnsureSuccessStatusCode();
        await page.GotoAsync($"/t/{world.Slug}/b/{code}");
        Assert.Equal("This appointment was cancelled.", await page.InnerTextAsync("#booking-status"));
        Assert.Equal(0, await page.Locator("#change-it").CountAsync());
    }
}
