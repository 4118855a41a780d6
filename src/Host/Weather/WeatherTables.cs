using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Weather;

/// <summary>
/// The tables this capability owns, as properties of the platform's one context. Another capability that names them
/// takes a visible dependency on this one: it should rather call this capability's services or react to its events.
/// </summary>
public static class WeatherTables
{
    extension(ServiceProDbContext db)
    {
        public DbSet<WeatherRisk> WeatherRisks => db.Set<WeatherRisk>();
    }
}
