using System.Globalization;
using System.Text.RegularExpressions;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Admin;

/// <summary>
/// A tenant's colors as CSS custom properties, each with the text color (white or near-black) that reads best
/// on it, so a white-labelled page keeps WCAG AA contrast whatever the brand chose.
/// </summary>
public sealed partial record BrandPalette(string Primary, string PrimaryInk, string Secondary, string SecondaryInk)
{
    public const string DarkInk = "#111827";
    public const string LightInk = "#ffffff";
    public const string BlackInk = "#000000";

    /// <summary>The platform's own colors, used when there is no tenant.</summary>
    public static BrandPalette Platform { get; } = new("#0f172a", LightInk, "#1d4ed8", LightInk);

    public static BrandPalette For(TenantInfo? tenant)
    {
        if (tenant is null)
        {
            return Platform;
        }

        var primary = Normalize(tenant.PrimaryColor) ?? "#3b82f6";
        var secondary = Normalize(tenant.SecondaryColor) ?? "#8b5cf6";
        return new BrandPalette(primary, InkOn(primary), secondary, InkOn(secondary));
    }

    /// <summary>The CSS custom properties for a style attribute; only validated hex colors reach it.</summary>
    public string CssVariables =>
        $"--brand: {Primary}; --brand-ink: {PrimaryInk}; --brand-2: {Secondary}; --brand-2-ink: {SecondaryInk};";

    /// <summary>
    /// White or near-black, whichever has the higher contrast ratio on <paramref name="background"/>; pure black
    /// for the few mid-tones where neither reaches 4.5:1 (black always does when white does not).
    /// </summary>
    public static string InkOn(string background)
    {
        var luminance = RelativeLuminance(background);
        var onLight = ContrastRatio(luminance, RelativeLuminance(DarkInk));
        var onDark = ContrastRatio(luminance, 1.0);
        if (Math.Max(onDark, onLight) < 4.5)
        {
            return BlackInk;
        }

        return onDark > onLight ? LightInk : DarkInk;
    }

    public static double ContrastRatio(double a, double b) => (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);

    /// <summary>WCAG 2 relative luminance of a #rrggbb color.</summary>
    public static double RelativeLuminance(string hex)
    {
        static double Channel(string hex, int start)
        {
            var c = int.Parse(hex.AsSpan(start, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Channel(hex, 1) + 0.7152 * Channel(hex, 3) + 0.0722 * Channel(hex, 5);
    }

    /// <summary>"#abc" or "#aabbcc" (any case) as lower-case "#aabbcc"; anything else is null.</summary>
    public static string? Normalize(string? color)
    {
        if (color is null)
        {
            return null;
        }

        color = color.Trim();
        if (LongHex().IsMatch(color))
        {
            return color.ToLowerInvariant();
        }

        if (ShortHex().IsMatch(color))
        {
            return string.Concat("#", new string(color[1], 2), new string(color[2], 2), new string(color[3], 2)).ToLowerInvariant();
        }

        return null;
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex LongHex();

    [GeneratedRegex("^#[0-9A-Fa-f]{3}$")]
    private static partial Regex ShortHex();
}
