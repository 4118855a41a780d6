namespace ServicePro.Abstractions;

/// <summary>
/// The version of the plugin contract this assembly defines. A plugin built against 1.0 runs on any host
/// whose contract is 1.x with x ≥ 0; a new major version means a breaking change and old plugins are skipped.
/// </summary>
public static class AbstractionsVersion
{
    public const int Major = 1;
    public const int Minor = 2;

    public static string Current => $"{Major}.{Minor}";

    /// <summary>True when a plugin that says it supports <paramref name="declared"/> ("major.minor") can run here.</summary>
    public static bool Supports(string declared)
    {
        var parts = declared.Split('.');
        if (parts.Length is < 1 or > 2
            || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var major))
        {
            return false;
        }

        var minor = 0;
        if (parts.Length == 2
            && !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out minor))
        {
            return false;
        }

        return major == Major && minor <= Minor;
    }
}
