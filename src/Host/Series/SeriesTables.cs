using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Bookings;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Series;

/// <summary>
/// The tables this capability owns, as properties of the platform's one context. Another capability that names them
/// takes a visible dependency on this one: it should rather call this capability's services or react to its events.
/// </summary>
public static class SeriesTables
{
    extension(ServiceProDbContext db)
    {
        public DbSet<BookingSeries> BookingSeries => db.Set<BookingSeries>();

        public DbSet<SeriesOccurrence> SeriesOccurrences => db.Set<SeriesOccurrence>();
    }
}
