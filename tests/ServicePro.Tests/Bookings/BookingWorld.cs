using System.Net.Http.Json;
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
        var tenant = await app.CreateTenantAsync(pack);
        var customer = await tenant.Owner.PostAsJsonAsync("/api/customers", new { name = "Dana Reyes", phone = "+19185550142", address = "12 Elm St, Tulsa" });
        customer.EnsureSuccessStatusCode();
        var customerId = (await customer.Content.ReadFromJsonAsync<IdOnly>())!.Id;

        var (serviceId, technicianIds) = await app.InTenantAsync(tenant.Slug, async db =>
        {
            var settings = await db.TenantSettings.SingleAsync();
            settings.BusinessHours = BusinessDay.Weekdays.ToDictionary(d => d, d => new BusinessDay("09:00", "17:00", d is "saturday" or "sunday"));
            settings.SchedulerConfig = settings.SchedulerConfig with
            {
                HalfHourIncrements = true, MinimumNoticeHours = 24, AllowWeekendBookings = false, EnableLunchBreak = false, BufferMinutes = 30,
            };
            var service = await db.Services.Where(s => s.IsActive).OrderBy(s => s.SortOrder).FirstAsync();
            service.DurationMinutes = 60;
            service.MaxDurationMinutes = 180;
            var ids = new List<Guid>();
            for (var i = 0; i < technicians; i++)
            {
                var technician = new Technician { Id = Guid.CreateVersion7(), Name = $"Tech {(char)('A' + i)}" };
                db.Technicians.Add(technician);
                foreach (var weekday in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
                {
                    db.TechnicianShifts.Add(new TechnicianShift
                    {
                        Id = Guid.CreateVersion7(), TechnicianId = technician.Id, Weekday = weekday, Start = new TimeOnly(8, 0), End = new TimeOnly(18, 0),
                    });
                }

                ids.Add(technician.Id);
            }

            await db.SaveChangesAsync();
            return (service.Id, ids);
        });

        return new BookingWorld(app, tenant, serviceId, customerId, technicianIds, NextTuesdayAfter(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3)));
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

    private sealed record IdOnly(Guid Id);
}
