using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;
using ServicePro.Host.Technicians;
using ServicePro.Host.Tenancy;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Bookings;

/// <summary>
/// Availability keeps each tenant's settings, services, technicians, skills and shifts in memory, stamped with
/// tenant_settings.schedule_version, and the windows of bookings and time off it read, stamped with calendar_version;
/// PostgreSQL triggers raise them on every change to those rows. These changes are made straight in the database, as
/// another instance of the host would make them, and must count on the next request.
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

    [Fact]
    public async Task Availability_follows_bookings_and_time_off_made_anywhere_on_the_next_request()
    {
        var world = await BookingWorld.CreateAsync(app);
        Assert.Equal("09:00", await FirstStartAsync(world)); // the window is now in memory
        var schedule = await VersionAsync(world);
        var calendar = await CalendarVersionAsync(world);

        var booking = await app.InTenantAsync(world.Slug, async db =>
        {
            var row = NineOClock(world);
            db.Bookings.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        Assert.NotEqual("09:00", await FirstStartAsync(world));
        Assert.True(await CalendarVersionAsync(world) > calendar, "a booking raises the calendar version");
        Assert.Equal(schedule, await VersionAsync(world)); // and leaves what is kept with the schedule alone

        calendar = await CalendarVersionAsync(world);
        await app.InTenantAsync(world.Slug, db => db.Bookings.Where(b => b.Id == booking).ExecuteUpdateAsync(u => u.SetProperty(b => b.Notes, "gate code 1234")));
        Assert.Equal(calendar, await CalendarVersionAsync(world)); // notes do not move anyone's time

        await app.InTenantAsync(world.Slug, db => db.Bookings.Where(b => b.Id == booking).ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, BookingStatus.Cancelled)));
        Assert.Equal("09:00", await FirstStartAsync(world));

        await app.InTenantAsync(world.Slug, db =>
        {
            db.TimeOff.Add(new TimeOffRequest
            {
                TechnicianId = world.Technicians[0],
                StartsAt = world.At(8),
                EndsAt = world.At(13),
                Status = TimeOffStatus.Approved,
                RequestedBy = "test",
                CreatedAt = DateTimeOffset.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        Assert.Equal("13:00", await FirstStartAsync(world));

        await app.InTenantAsync(world.Slug, db => db.TimeOff.ExecuteDeleteAsync());
        Assert.Equal("09:00", await FirstStartAsync(world));
    }

    [Fact]
    public async Task A_window_in_memory_is_answered_from_memory_while_the_calendar_version_stands_still()
    {
        // The proof that the calendar is kept at all: a booking written behind the trigger's back (which nothing but
        // this test can do) is not seen until something raises the version.
        var world = await BookingWorld.CreateAsync(app);
        Assert.Equal("09:00", await FirstStartAsync(world));

        var row = NineOClock(world);
        await using (var owner = new NpgsqlConnection(app.Database.OwnerConnectionString))
        {
            await owner.OpenAsync();
            await using var transaction = await owner.BeginTransactionAsync();
            await using var batch = new NpgsqlBatch(owner, transaction);
            batch.BatchCommands.Add(new("ALTER TABLE bookings DISABLE TRIGGER raise_calendar_version"));
            batch.BatchCommands.Add(new("ALTER TABLE bookings NO FORCE ROW LEVEL SECURITY"));
            var insert = new NpgsqlBatchCommand(
                """
                INSERT INTO bookings (tenant_id, id, customer_id, service_id, technician_id, starts_at, ends_at, status, answers,
                                      estimated_price, notes, source, version, created_at, updated_at)
                VALUES ((SELECT id FROM tenants WHERE slug = $1), $2, $3, $4, $5, $6, $7, 'confirmed', '{}', 0, '', 'staff', 0, now(), now())
                """);
            foreach (var value in new object[] { world.Slug, row.Id, row.CustomerId, row.ServiceId, row.TechnicianId, row.StartsAt, row.EndsAt })
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            batch.BatchCommands.Add(insert);
            batch.BatchCommands.Add(new("ALTER TABLE bookings FORCE ROW LEVEL SECURITY"));
            batch.BatchCommands.Add(new("ALTER TABLE bookings ENABLE TRIGGER raise_calendar_version"));
            await batch.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        Assert.Equal("09:00", await FirstStartAsync(world));
        await app.InTenantAsync(world.Slug, db => db.TenantSettings.ExecuteUpdateAsync(u => u.SetProperty(s => s.CalendarVersion, s => s.CalendarVersion + 1)));
        Assert.NotEqual("09:00", await FirstStartAsync(world));
    }

    private static Booking NineOClock(BookingWorld world) => new()
    {
        Id = Guid.CreateVersion7(),
        CustomerId = world.CustomerId,
        ServiceId = world.ServiceId,
        TechnicianId = world.Technicians[0],
        StartsAt = world.At(9),
        EndsAt = world.At(11),
        Status = BookingStatus.Confirmed,
        Source = "staff",
        CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    private static string AvailabilityOn(BookingWorld world) =>
        $"/api/availability?serviceId={world.ServiceId}&from={world.Day:yyyy-MM-dd}&to={world.Day:yyyy-MM-dd}";

    private static async Task<string?> FirstStartAsync(BookingWorld world)
    {
        var open = await world.Owner.GetFromJsonAsync<AvailabilityJson>(AvailabilityOn(world));
        return open!.Slots.FirstOrDefault()?.LocalStart[11..];
    }

    private Task<long> VersionAsync(BookingWorld world) =>
        app.InTenantAsync(world.Slug, db => db.TenantSettings.Select(s => s.ScheduleVersion).SingleAsync());

    private Task<long> CalendarVersionAsync(BookingWorld world) =>
        app.InTenantAsync(world.Slug, db => db.TenantSettings.Select(s => s.CalendarVersion).SingleAsync());
}
