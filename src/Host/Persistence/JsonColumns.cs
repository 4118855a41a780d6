using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServicePro.Host.Persistence;

/// <summary>
/// Stores a value as a JSON document: jsonb on PostgreSQL, text on SQLite. Used for the seed's JSONB
/// columns (flags, business hours, scheduler config, pack content) whose shape is owned by code, not SQL.
/// </summary>
public static class JsonColumns
{
    private const string Annotation = "ServicePro:JsonColumn";

    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
    };

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
    {
        property.HasConversion(
            v => JsonSerializer.Serialize(v, SerializerOptions),
            v => JsonSerializer.Deserialize<T>(v, SerializerOptions)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, SerializerOptions) == JsonSerializer.Serialize(b, SerializerOptions),
                v => JsonSerializer.Serialize(v, SerializerOptions).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, SerializerOptions), SerializerOptions)!));
        property.HasAnnotation(Annotation, true);
        return property;
    }

    internal static void UseJsonb(ModelBuilder builder)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            if (property.FindAnnotation(Annotation) is not null)
            {
                property.SetColumnType("jsonb");
            }
        }
    }
}
