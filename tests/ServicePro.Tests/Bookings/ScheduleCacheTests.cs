using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Technicians;
using ServicePro.Host.Tenancy;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Bookings;

/// <summary>
/// Availability keeps each tenant's settings, services, technicians, skills and shifts in memory, stamped with
/// tenant_settings.schedule_version, which PostgreSQL triggers raise on every change to those rows. These changes are
/// made straight in the database, as another instance of the host would make them, and must count on the next request.
/// </summary>
public sealed class ScheduleCacheTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Fact]
    public async Task Availability_follows_every_change_to_shifts_hours_skills_and_services_on_the_next_request()
    {
        var world = await BookingWorld.CreateAsync(app);
        var technician = world.Technicians[0];
        Assert.Equal("09:00", await FirstStartAsync(world));
        var version = await VersionAsync(world);

        await app.InTenantAsync(world.Slug, async db =>
        {
            var tuesday = await db.TechnicianShifts.SingleAsync(s => s.TechnicianId == technician && s.Weekday == DayOfWeek.Tuesday);
            tuesday.Start = new TimeOnly(13, 0);
            return await db.SaveChangesAsync();
        });
        Assert.Equal("13:00", await FirstStartAsync(world));
        Assert.True(await VersionAsync(world) > version, "a shift change raises the schedule version");

        await app.InTenantAsync(world.Slug, async db =>
        {
            var settings = await db.TenantSettings.SingleAsync();
            settings.BusinessHours = new Dictionary<string, BusinessDay>(settings.BusinessHours) { ["tuesday"] = new("14:00", "17:00", false) };
            return await db.SaveChangesAsync();
        });
        Assert.Equal("14:00", await FirstStartAsync(world));

        await app.InTenantAsync(world.Slug, async db =>
        {
            var other = await db.Services.FirstAsync(s => s.Id != world.ServiceId);
            db.TechnicianSkills.Add(new TechnicianSkill { TechnicianId = technician, ServiceId = other.Id });
            return await db.SaveChangesAsync();
        });
        Assert.Null(await FirstStartAsync(world)); // the only technician now does the other service alone

        await app.InTenantAsync(world.Slug, db => db.TechnicianSkills.Where(k => k.TechnicianId == technician).ExecuteDeleteAsync());
        Assert.Equal("14:00", await FirstStartAsync(world));

        await app.InTenantAsync(world.Slug, db => db.Services.Where(s => s.Id == world.ServiceId).ExecuteUpdateAsync(u => u.SetProperty(s => s.IsActive, false)));
        var inactive = await world.Owner.GetAsync(AvailabilityOn(world));
        Assert.Equal(HttpStatusCode.NotFound, inactive.StatusCode);
    }

    [Fact]
    public async Task Another_tenants_changes_leave_this_tenants_schedule_alone()
    {
        var world = await BookingWorld.CreateAsync(app);
        var neighbour = await BookingWorld.CreateAsync(app);
        Assert.Equal("09:00", await FirstStartAsync(world));
        var version = await VersionAsync(world);

        await app.InTenantAsync(neighbour.Slug, db => db.TechnicianShifts.ExecuteUpdateAsync(u => u.SetProperty(s => s.Start, new TimeOnly(15, 0))));

        Assert.Equal(version, await VersionAsync(world));
        Assert.Equal("09:00", await FirstStartAsync(world));
        Assert.Equal("15:00", await FirstStartAsync(neighbour));
    }

    private static string AvailabilityOn(BookingWorld world) =>
        $"/api/availability?serviceId={world.ServiceId}&from={world.Day:yyyy-MM-dd}&to={world.Day:yyyy-MM-dd}";

    private static async Task<string?> FirstStartAsync(BookingWorld world)
    {
        var open = await world.Owner.GetFromJsonAsync<AvailabilityJson>(AvailabilityOn(world));
        return open!.Slots.FirstOrDefault()?.LocalStart[11..];
    }

    private Task<long> VersionAsync(BookingWorld world) =>
        app.InTenantAsync(world.Slug, db => db.TenantSettings.Select(s => s.ScheduleVersion).SingleAsync());
}
