using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace ServicePro.Host.Hosting.OpenApi;

/// <summary>
/// Makes <c>required</c> and <c>null</c> in the schemas say what the server does, not what a record's constructor
/// looks like. A body the server reads is bound by System.Text.Json, which fills a member left out with its default;
/// so a member is required only when something refuses it missing: the serializer (<c>required</c>,
/// <c>[JsonRequired]</c>) or request validation (<c>[Required]</c>, which also refuses null). An answer the server
/// writes has every member it does not leave out when null, so a schema used only in answers lists those as required.
/// Likewise the serializer takes null for any member of a reference type (nullable annotations are not enforced), so a
/// schema the server reads says so unless validation refuses null. A schema used both ways follows the request's rule:
/// a client that sends what the schema allows is never refused for it.
/// Enums are words (Hosting/HostingModule.cs), so their schemas say <c>type: string</c>.
/// </summary>
public sealed class RequiredMembers(IOptions<JsonOptions> json) : IOpenApiSchemaTransformer, IOpenApiDocumentTransformer
{
    private const string Note = "x-servicepro-members";
    private const string Written = "written";
    private const string TakesNull = "takesNull";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Enum is { Count: > 0 } values && values.All(v => v is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String))
        {
            schema.Type ??= JsonSchemaType.String;
        }

        if (context.JsonPropertyInfo is { } property && IsValidatedRequired(property) && schema.Type is { } type)
        {
            schema.Type = type & ~JsonSchemaType.Null;
        }

        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 })
        {
            // The server's own contract for the type: the document's generator reads types with options of its own.
            var contract = json.Value.SerializerOptions.GetTypeInfo(context.JsonTypeInfo.Type).Properties
                .Where(p => !p.IsExtensionData && schema.Properties.ContainsKey(p.Name)).ToList();
            schema.Required = contract.Where(p => p.IsRequired || IsValidatedRequired(p)).Select(p => p.Name).ToHashSet();
            // Kept for the document pass, which knows whether the schema is read, written or both; it removes the note.
            schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            schema.Extensions[Note] = new JsonNodeExtension(new JsonObject
            {
                [Written] = Names(contract.Where(p => p.Get is not null && p.ShouldSerialize is null)),
                [TakesNull] = Names(contract.Where(p => AcceptsNull(p.PropertyType) && !IsValidatedRequired(p))),
            });
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// After every operation is built: schemas no request reaches are answers only, and an answer carries every member
    /// the serializer always writes (not those it leaves out when null, like a problem's <c>detail</c>).
    /// </summary>
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas is not { } schemas)
        {
            return Task.CompletedTask;
        }

        var requests = new HashSet<string>();
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            Reach(operation.RequestBody?.Content?.Values.Select(m => m.Schema), schemas, requests);
            Reach(operation.Parameters?.Select(p => p.Schema), schemas, requests);
        }

        foreach (var (name, schema) in schemas)
        {
            if (schema is not OpenApiSchema concrete || concrete.Extensions?.Remove(Note, out var note) != true
                || note is not JsonNodeExtension { Node: JsonObject members })
            {
                continue;
            }

            if (!requests.Contains(name))
            {
                concrete.Required = members[Written]!.AsArray().Select(n => n!.GetValue<string>()).ToHashSet();
                continue;
            }

            // The serializer the server reads with takes null for any reference type, whatever its annotation says.
            foreach (var member in members[TakesNull]!.AsArray().Select(n => n!.GetValue<string>()))
            {
                concrete.Properties![member] = Nullable(concrete.Properties[member]);
            }
        }

        return Task.CompletedTask;
    }

    private static IOpenApiSchema Nullable(IOpenApiSchema schema) => schema switch
    {
        OpenApiSchema { Type: { } type } inline => Also(inline, type | JsonSchemaType.Null),
        OpenApiSchemaReference reference => new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference] },
        _ => schema, // already a choice (oneOf with null) or open
    };

    private static OpenApiSchema Also(OpenApiSchema schema, JsonSchemaType type)
    {
        schema.Type = type;
        return schema;
    }

    private static JsonArray Names(IEnumerable<JsonPropertyInfo> properties) =>
        new(properties.Select(p => (JsonNode)JsonValue.Create(p.Name)).ToArray());

    private static bool AcceptsNull(Type type) => !type.IsValueType || System.Nullable.GetUnderlyingType(type) is not null;

    private static bool IsValidatedRequired(JsonPropertyInfo property) =>
        Has<RequiredAttribute>(property.AttributeProvider) || Has<RequiredAttribute>(property.AssociatedParameter?.AttributeProvider);

    private static bool Has<T>(ICustomAttributeProvider? provider)
        where T : Attribute =>
        provider?.IsDefined(typeof(T), inherit: true) == true;

    /// <summary>Every component schema <paramref name="roots"/> refer to, directly or through others.</summary>
    private static void Reach(IEnumerable<IOpenApiSchema?>? roots, IDictionary<string, IOpenApiSchema> schemas, HashSet<string> reached)
    {
        var pending = new Stack<IOpenApiSchema>((roots ?? []).OfType<IOpenApiSchema>());
        while (pending.TryPop(out var schema))
        {
            if (schema is OpenApiSchemaReference { Reference.Id: { } id })
            {
                if (reached.Add(id) && schemas.TryGetValue(id, out var target))
                {
                    pending.Push(target);
                }

                continue;
            }

            foreach (var child in Children(schema))
            {
                pending.Push(child);
            }
        }
    }

    private static IEnumerable<IOpenApiSchema> Children(IOpenApiSchema schema) =>
        (schema.Properties?.Values ?? [])
            .Concat(schema.Items is { } items ? [items] : [])
            .Concat(schema.AdditionalProperties is { } additional ? [additional] : [])
            .Concat(schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? []);
}
