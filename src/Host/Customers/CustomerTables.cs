using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Customers;

/// <summary>
/// The tables this capability owns, as properties of the platform's one context. Another capability that names them
/// takes a visible dependency on this one: it should rather call this capability's services or react to its events.
/// </summary>
public static class CustomerTables
{
    extension(ServiceProDbContext db)
    {
        public DbSet<Customer> Customers => db.Set<Customer>();

        public DbSet<CustomerAsset> CustomerAssets => db.Set<CustomerAsset>();
    }
}
