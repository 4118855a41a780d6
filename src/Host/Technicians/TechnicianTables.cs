using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Technicians;

/// <summary>
/// The tables this capability owns, as properties of the platform's one context. Another capability that names them
/// takes a visible dependency on this one: it should rather call this capability's services or react to its events.
/// </summary>
public static class TechnicianTables
{
    extension(ServiceProDbContext db)
    {
        public DbSet<Technician> Technicians => db.Set<Technician>();

        public DbSet<TechnicianSkill> TechnicianSkills => db.Set<TechnicianSkill>();

        public DbSet<TechnicianShift> TechnicianShifts => db.Set<TechnicianShift>();

        public DbSet<TimeOffRequest> TimeOff => db.Set<TimeOffRequest>();

        public DbSet<TimeEntry> TimeEntries => db.Set<TimeEntry>();
    }
}
