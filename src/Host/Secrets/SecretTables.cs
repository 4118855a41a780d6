using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Secrets;

/// <summary>
/// The tables this capability owns, as properties of the platform's one context. Another capability that names them
/// takes a visible dependency on this one: it should rather call this capability's services or react to its events.
/// </summary>
public static class SecretTables
{
    extension(ServiceProDbContext db)
    {
        public DbSet<TenantSecret> TenantSecrets => db.Set<TenantSecret>();

        public DbSet<KeyCheck> KeyChecks => db.Set<KeyCheck>();
    }
}
