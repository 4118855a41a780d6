namespace ServicePro.Host.Validation;

/// <summary>Checks for coordinates as forms send them (customers' addresses, technicians' home bases, service areas).</summary>
public static class GeoRules
{
    public static bool IsLatitude(double? value) => value is >= -90 and <= 90;

    public static bool IsLongitude(double? value) => value is >= -180 and <= 180;

    /// <summary>An optional point: both coordinates or neither (each one's range is its attribute's business).</summary>
    public static void CheckPair(double? lat, double? lng, string latField, string lngField, Dictionary<string, string[]> errors)
    {
        if (lat.HasValue != lng.HasValue)
        {
            errors[lat.HasValue ? lngField : latField] = ["Give both latitude and longitude, or neither."];
        }
    }
}
