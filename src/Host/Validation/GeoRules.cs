namespace ServicePro.Host.Validation;

/// <summary>Checks for coordinates as forms send them (customers' addresses, technicians' home bases, service areas).</summary>
public static class GeoRules
{
    public static bool IsLatitude(double? value) => value is >= -90 and <= 90;

    public static bool IsLongitude(double? value) => value is >= -180 and <= 180;

    /// <summary>An optional point: both coordinates or neither, each in range.</summary>
    public static void CheckOptionalPoint(double? lat, double? lng, string latField, string lngField, Dictionary<string, string[]> errors)
    {
        if (lat.HasValue != lng.HasValue)
        {
            errors[lat.HasValue ? lngField : latField] = ["Give both latitude and longitude, or neither."];
            return;
        }

        if (lat.HasValue && !IsLatitude(lat))
        {
            errors[latField] = ["Latitude is between −90 and 90."];
        }

        if (lng.HasValue && !IsLongitude(lng))
        {
            errors[lngField] = ["Longitude is between −180 and 180."];
        }
    }
}
