using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Catalog;
using ServicePro.Host.Technicians;
using ServicePro.Host.Tenancy;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Bookings;

/// <summary>
/// A tenant ready to take bookings, with predictable rules: open 09:00–17:00 Monday to Friday (America/Chicago),
/// half-hour grid, 24 h notice, no lunch, a 30-minute buffer, a 60-minute service, technicians on shift 08:00–18:00
/// on weekdays, and one customer. <see cref="Day"/> is a Tuesday comfortably beyond the notice.
/// </summary>
internal sealed record BookingWorld(ServiceProApp App, TestTenant Tenant, Guid ServiceId, Guid CustomerId, IReadOnlyList<Guid> Technicians, DateOnly Day)
{
    public const string Zone = "America/Chicago";

    public string Slug => Tenant.Slug;

    public HttpClient Owner => Tenant.Owner;

    public static async Task<BookingWorld> CreateAsync(ServiceProApp app, int technicians = 1, string pack = "auto_detail")
    {
        var scene = await TenantScene.CreateAsync(app, pack);
        var customerId = await scene.CustomerThroughApiAsync("Dana Reyes", "+19185550142", "12 Elm St, Tulsa");

        var serviceId = await app.InTenantAsync(scene.Slug, async db =>
        {
            var settings = await db.TenantSettings.SingleAsync();
            settings.BusinessHours = BusinessDay.Weekdays.ToDictionary(d => d, d => new BusinessDay("09:00", "17:00", d is "saturday" or "sunday"));
            settings.SchedulerConfig = settings.SchedulerConfig with
            {
                HalfHourIncrements = true,
                MinimumNoticeHours = 24,
                AllowWeekendBookings = false,
                EnableLunchBreak = false,
                BufferMinutes = 30,
            };
            var service = await db.Services.Where(s => s.IsActive).OrderBy(s => s.SortOrder).FirstAsync();
            service.DurationMinutes = 60;
            service.MaxDurationMinutes = 180;
            await db.SaveChangesAsync();
            return service.Id;
        });

        var technicianIds = new List<Guid>();
        for (var i = 0; i < technicians; i++)
        {
            technicianIds.Add((await scene.TechnicianAsync($"Tech {(char)('A' + i)}", new TimeOnly(8, 0), new TimeOnly(18, 0))).Id);
        }

        return new BookingWorld(app, scene.Tenant, serviceId, customerId, technicianIds, NextTuesdayAfter(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3)));
    }

    /// <summary>The instant the business's wall clock reads <paramref name="hour"/>:<paramref name="minute"/> on <paramref name="day"/> (default <see cref="Day"/>).</summary>
    public DateTimeOffset At(int hour, int minute = 0, DateOnly? day = null)
    {
        var local = (day ?? Day).ToDateTime(new TimeOnly(hour, minute));
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public object Booking(DateTimeOffset startsAt, Guid? technicianId = null) =>
        new { customerId = CustomerId, serviceId = ServiceId, startsAt, technicianId };

    private static DateOnly NextTuesdayAfter(DateOnly date)
    {
        while (date.DayOfWeek != DayOfWeek.Tuesday)
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
