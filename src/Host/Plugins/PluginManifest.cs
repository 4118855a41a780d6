using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServicePro.Host.Plugins;

/// <summary>
/// plugin.json: what the host reads about a plugin before it loads any of its code.
/// <code>{ "id": "lawn_care", "name": "Lawn Care", "version": "1.0.0", "kind": "industry_pack",
///   "assembly": "ServicePro.Plugins.LawnCare.dll", "supportedAbstractions": ["1.0"] }</code>
/// </summary>
public sealed record PluginManifest(
    string Id,
    string Name,
    string Version,
    string Kind,
    string Assembly,
    IReadOnlyList<string> SupportedAbstractions)
{
    public const string FileName = "plugin.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>Reads and checks a manifest; throws <see cref="InvalidDataException"/> with a readable reason.</summary>
    public static PluginManifest Read(string path)
    {
        PluginManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PluginManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"plugin.json is not valid JSON: {ex.Message}", ex);
        }

        if (manifest is null
            || string.IsNullOrWhiteSpace(manifest.Id)
            || string.IsNullOrWhiteSpace(manifest.Name)
            || string.IsNullOrWhiteSpace(manifest.Version)
            || string.IsNullOrWhiteSpace(manifest.Kind)
            || string.IsNullOrWhiteSpace(manifest.Assembly)
            || manifest.SupportedAbstractions is null or { Count: 0 })
        {
            throw new InvalidDataException(
                "plugin.json must name id, name, version, kind, assembly and supportedAbstractions.");
        }

        if (manifest.Assembly.Contains('/') || manifest.Assembly.Contains('\\') || manifest.Assembly.Contains(".."))
        {
            throw new InvalidDataException("plugin.json's assembly must be a file name inside the plugin's folder.");
        }

        return manifest;
    }
}
