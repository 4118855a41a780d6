using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Scheduling;

/// <summary>Whether a job's location is one the business drives to.</summary>
public static class ServiceAreaCheck
{
    private const double EarthRadiusMiles = 3958.7613;

    /// <summary>Great-circle (haversine) distance in miles; road distance is longer, which is why areas are generous.</summary>
    public static double DistanceMiles(GeoPoint a, GeoPoint b)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(b.Lat - a.Lat);
        var dLng = Radians(b.Lng - a.Lng);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(a.Lat)) * Math.Cos(Radians(b.Lat)) * Math.Pow(Math.Sin(dLng / 2), 2);
        return 2 * EarthRadiusMiles * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    public static bool Covers(ServiceArea area, GeoPoint location) => DistanceMiles(area.Center, location) <= area.RadiusMiles;
}
