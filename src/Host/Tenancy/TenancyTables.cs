using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Tenancy;

/// <summary>
/// The tables this capability owns, as properties of the platform's one context. Another capability that names them
/// takes a visible dependency on this one: it should rather call this capability's services or react to its events.
/// </summary>
public static class TenancyTables
{
    extension(ServiceProDbContext db)
    {
        public DbSet<TenantSettings> TenantSettings => db.Set<TenantSettings>();
    }
}
