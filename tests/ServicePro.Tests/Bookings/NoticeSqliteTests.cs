using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Abstractions;
using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;
using ServicePro.Host.Customers;
using ServicePro.Host.Notices;
using ServicePro.Host.Persistence;
using ServicePro.Host.Technicians;
using ServicePro.Host.Tenancy;
using ServicePro.Tests.Persistence;

namespace ServicePro.Tests.Bookings;

/// <summary>The notice queries on the embedded SQLite database, where the every-minute sweep also runs.</summary>
public sealed class NoticeSqliteTests(EmbeddedApp app) : IClassFixture<EmbeddedApp>
{
    [Fact]
    public async Task The_sweep_and_a_repeated_on_my_way_work_on_SQLite()
    {
        var root = (await app.Services.GetRequiredService<TenantDirectory>().FindBySlugAsync("root"))!;
        await using var scope = app.Services.GetRequiredService<TenantScopeFactory>().Begin(root);
        var db = scope.ServiceProvider.GetRequiredService<ServiceProDbContext>();
        var now = DateTimeOffset.UtcNow;
        now = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero); // SQLite keeps less than a tick
        var tech = new Technician { Id = Guid.CreateVersion7(), Name = "Sam Rivera", CreatedAt = now, UpdatedAt = now };
        var customer = new Customer { Id = Guid.CreateVersion7(), Name = "Jordan Ellis", Phone = "+19185550199", SmsConsent = true, CreatedAt = now, UpdatedAt = now };
        var booking = new Booking
        {
            Id = Guid.CreateVersion7(),
            CustomerId = customer.Id,
            ServiceId = (await db.Services.FirstAsync()).Id,
            TechnicianId = tech.Id,
            StartsAt = now.AddHours(3),
            EndsAt = now.AddHours(5),
            Status = BookingStatus.Confirmed,
            Source = "staff",
            CreatedAt = now.AddDays(-2),
            UpdatedAt = now,
        };
        db.AddRange(tech, customer, booking);
        await db.SaveChangesAsync();

        await scope.ServiceProvider.GetRequiredService<NoticeJobs>().SweepRemindersAsync(CancellationToken.None);
        var notices = scope.ServiceProvider.GetRequiredService<BookingNotices>();
        var first = await notices.SendAsync(new NoticeRequest(booking.Id, MessageMoments.OnMyWay) { AskedByStaff = true }, CancellationToken.None);
        var again = await notices.SendAsync(new NoticeRequest(booking.Id, MessageMoments.OnMyWay) { AskedByStaff = true }, CancellationToken.None);

        var reminder = await db.BookingNotices.AsNoTracking().SingleAsync(n => n.BookingId == booking.Id && n.Kind == MessageMoments.Reminder);
        Assert.Equal((NoticeStatus.Skipped, booking.StartsAt), (reminder.Status, reminder.ForStartsAt));
        Assert.Contains("connect Twilio", reminder.Detail); // ROOT has no Twilio on a bare machine
        Assert.Equal((NoticeResult.Skipped, NoticeResult.Skipped), (first.Result, again.Result));
        Assert.Equal(first.Notice!.Id, again.Notice!.Id);
    }
}
