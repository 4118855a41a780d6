using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServicePro.Host.Persistence;

/// <summary>Stores enums as the seed's lower snake-case words ("not_configured"), readable in SQL and stable across reorderings.</summary>
public static class SnakeCaseEnum
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    public static string ToName<T>(T value)
        where T : struct, Enum =>
        Names.GetOrAdd(value, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

    public static T Parse<T>(string name)
        where T : struct, Enum =>
        Enum.GetValues<T>().First(v => ToName(v) == name);

    public static bool TryParse<T>(string? name, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (ToName(candidate) == name)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static PropertyBuilder<T> HasSnakeCaseConversion<T>(this PropertyBuilder<T> property)
        where T : struct, Enum =>
        property.HasConversion(v => ToName(v), v => Parse<T>(v)).HasMaxLength(32);
}
