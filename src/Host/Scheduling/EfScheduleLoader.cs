using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;
using ServicePro.Host.Persistence;
using ServicePro.Host.Technicians;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Scheduling;

/// <summary>
/// The embedded SQLite database runs in-process, where a round trip costs nothing, so it reads through EF Core, one
/// query per kind of row. Mirrors <see cref="PostgresScheduleLoader"/>.
/// </summary>
public sealed class EfScheduleLoader(ServiceProDbContext db) : IScheduleLoader
{
    public async Task<ScheduleSnapshot?> LoadAsync(ScheduleWindow window, CancellationToken ct)
    {
        var settings = await db.TenantSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            return null;
        }

        var service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == window.ServiceId, ct);
        var only = window.TechnicianId;
        var skills = db.TechnicianSkills;
        var technicians = await db.Technicians.AsNoTracking()
            .Where(t => t.IsActive && (only == null || t.Id == only))
            .Where(t => !skills.Any(k => k.TechnicianId == t.Id)
                        || skills.Any(k => k.TechnicianId == t.Id && k.ServiceId == window.ServiceId))
            .OrderBy(t => t.Name).ThenBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
        var shifts = await db.TechnicianShifts.AsNoTracking().Where(s => only == null || s.TechnicianId == only).ToListAsync(ct);
        var timeOff = await db.TimeOff.AsNoTracking()
            .Where(r => r.Status == TimeOffStatus.Approved && r.StartsAt < window.To && r.EndsAt > window.From)
            .Where(r => only == null || r.TechnicianId == only)
            .Select(r => new { r.TechnicianId, r.StartsAt, r.EndsAt }).ToListAsync(ct);
        var earliestStart = window.EarliestBookingStart;
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => Booking.HoldingTime.Contains(b.Status) && b.StartsAt < window.To && b.StartsAt > earliestStart && b.EndsAt > window.From)
            .Where(b => only == null || b.TechnicianId == only)
            .Where(b => window.IgnoreBookingId == null || b.Id != window.IgnoreBookingId)
            .Select(b => new { b.TechnicianId, b.StartsAt, b.EndsAt }).ToListAsync(ct);

        var team = new TeamBuilder();
        technicians.ForEach(team.Add);
        shifts.ForEach(s => team.AddShift(s.TechnicianId, s.Weekday, s.Start, s.End));
        timeOff.ForEach(r => team.AddTimeOff(r.TechnicianId, r.StartsAt, r.EndsAt));
        bookings.ForEach(b => team.AddAppointment(b.TechnicianId, b.StartsAt, b.EndsAt));
        return new ScheduleSnapshot(settings, service, team.Build());
    }
}
