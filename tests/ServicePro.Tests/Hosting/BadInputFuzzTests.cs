using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ServicePro.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ServicePro.Tests.Hosting;

/// <summary>
/// Every operation the OpenAPI document lists, sent bad bodies and bad parameters: each one a valid-looking request
/// with exactly one thing wrong (a NUL, a control character, a string longer than any column, a number that overflows,
/// a date in year 1 or 9999, a null where none is allowed or inside an array, a body that is not the right shape). Each
/// must answer a 4xx problem, and the database must be exactly as it was.
/// </summary>
public sealed class BadInputFuzzTests(ServiceProApp app, ITestOutputHelper output) : IClassFixture<ServiceProApp>
{
    private const string TooLong = "too long";

    // Operations whose whole point is to change nothing a bad request could reach, or that are not ours to fuzz.
    private static readonly HashSet<string> NotFuzzed = new(StringComparer.OrdinalIgnoreCase)
    {
        "POST /api/auth/sign-out",
    };

    [Fact]
    public async Task Every_operation_answers_bad_input_with_a_4xx_problem_and_changes_nothing()
    {
        var scene = await TenantScene.CreateAsync(app);
        var ids = await KnownIdsAsync(scene);
        var tenantId = await app.InTenantAsync(null, db => db.Tenants.Where(t => t.Slug == scene.Slug).Select(t => t.Id).SingleAsync());
        using var platform = app.Operator();
        var document = JsonNode.Parse(await platform.GetStringAsync("/openapi/v1.json"))!;
        var components = document["components"]?["schemas"];

        var failures = new List<string>();
        var sent = 0;
        foreach (var (path, pathItem) in document["paths"]!.AsObject())
        {
            foreach (var (method, operationNode) in pathItem!.AsObject())
            {
                if (operationNode is not JsonObject operation || NotFuzzed.Contains($"{method.ToUpperInvariant()} {path}"))
                {
                    continue;
                }

                var requests = BadRequests(path, method, operation, components, ids).ToList();
                if (requests.Count == 0)
                {
                    continue;
                }

                var client = path.StartsWith("/api/platform", StringComparison.Ordinal) ? platform : scene.Owner;
                var before = await SnapshotAsync(tenantId);
                foreach (var request in requests)
                {
                    sent++;
                    using var message = request.ToMessage();
                    using var response = await client.SendAsync(message);
                    var status = (int)response.StatusCode;
                    var mediaType = response.Content.Headers.ContentType?.MediaType;
                    if (status is < 400 or >= 500 || (response.Content.Headers.ContentLength != 0 && mediaType != "application/problem+json"))
                    {
                        failures.Add($"{request} → {status} {mediaType}: {Truncate(await response.Content.ReadAsStringAsync())}");
                    }
                }

                var after = await SnapshotAsync(tenantId);
                foreach (var table in before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)))
                {
                    failures.Add($"{method.ToUpperInvariant()} {path}: bad input changed table {table}");
                }
            }
        }

        output.WriteLine($"{sent} bad requests sent");
        Assert.True(sent > 500, $"Only {sent} bad requests were made: the document lists fewer operations than it should.");
        Assert.True(failures.Count == 0, $"{failures.Count} bad requests were not refused cleanly:\n" + string.Join("\n", failures.Take(150)));
    }

    private sealed record BadRequest(string Method, string Path, string? Body, string What)
    {
        public HttpRequestMessage ToMessage()
        {
            var message = new HttpRequestMessage(new HttpMethod(Method.ToUpperInvariant()), Path);
            if (Body is not null)
            {
                message.Content = new StringContent(Body, Encoding.UTF8, "application/json");
            }

            return message;
        }

        public override string ToString() => $"{Method.ToUpperInvariant()} {Path} [{What}]";
    }

    private static IEnumerable<BadRequest> BadRequests(string path, string method, JsonObject operation, JsonNode? components, IReadOnlyDictionary<string, Guid> ids)
    {
        var parameters = operation["parameters"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        var bodySchema = operation["requestBody"]?["content"]?["application/json"]?["schema"];

        string Url(IReadOnlyDictionary<string, string> values)
        {
            var url = path;
            var query = new List<string>();
            foreach (var parameter in parameters)
            {
                var name = parameter["name"]!.GetValue<string>();
                var value = values.TryGetValue(name, out var given) ? given : GoodParameter(name, Resolve(parameter["schema"], components), path, ids);
                if (parameter["in"]?.GetValue<string>() == "path")
                {
                    url = url.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
                }
                else if (parameter["in"]?.GetValue<string>() == "query")
                {
                    query.Add($"{name}={Uri.EscapeDataString(value)}");
                }
            }

            return query.Count == 0 ? url : url + "?" + string.Join("&", query);
        }

        var goodBody = bodySchema is null ? null : Good(bodySchema, components, ids, "", depth: 0)?.ToJsonString();
        foreach (var parameter in parameters)
        {
            var name = parameter["name"]!.GetValue<string>();
            var inPath = parameter["in"]?.GetValue<string>() == "path";
            foreach (var (bad, what) in BadParameters(Resolve(parameter["schema"], components)).Where(b => !(inPath && b.Value.Contains('\0'))))
            {
                yield return new BadRequest(method, Url(new Dictionary<string, string> { [name] = bad }), goodBody, $"{name} = {what}");
            }
        }

        if (bodySchema is null)
        {
            yield break;
        }

        var url = Url(new Dictionary<string, string>());
        // A body the operation may go without can be empty or null; one that is a list may be an empty one.
        var bodyRequired = operation["requestBody"]?["required"]?.GetValue<bool>() == true;
        var isList = Types(Resolve(bodySchema, components)).Contains("array");
        var wholeBodies = new List<(string, string)> { ("\"text\"", "string body"), ("{", "truncated JSON") };
        if (bodyRequired)
        {
            wholeBodies.AddRange([("null", "null body"), ("", "empty body")]);
        }

        wholeBodies.Add(isList ? ("{}", "object body") : ("[]", "array body"));
        foreach (var (body, what) in wholeBodies)
        {
            yield return new BadRequest(method, url, body, what);
        }

        var good = Good(bodySchema, components, ids, "", depth: 0);
        foreach (var (mutated, what) in Mutations(good, bodySchema, components, ids, "body", depth: 0))
        {
            yield return new BadRequest(method, url, mutated, what);
        }
    }

    /// <summary>The body with one member made bad: each returned string is the whole body with one thing wrong.</summary>
    private static IEnumerable<(string Body, string What)> Mutations(JsonNode? good, JsonNode? schemaNode, JsonNode? components, IReadOnlyDictionary<string, Guid> ids, string where, int depth)
    {
        var schema = Resolve(schemaNode, components);
        if (schema is null || good is null || depth > 3)
        {
            yield break;
        }

        if (good is JsonObject goodObject && schema["properties"] is JsonObject properties)
        {
            var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
            foreach (var (name, propertySchema) in properties)
            {
                var resolved = Resolve(propertySchema, components);
                foreach (var (badValue, what) in BadValues(resolved, IsNullable(propertySchema, components)))
                {
                    var copy = goodObject.DeepClone().AsObject();
                    copy[name] = badValue;
                    yield return (copy.ToJsonString(), $"{where}.{name} = {what}");
                }

                // A member the document calls required but allows null may also be left out (it means "unchanged").
                if (required.Contains(name) && !IsNullable(propertySchema, components))
                {
                    var copy = goodObject.DeepClone().AsObject();
                    copy.Remove(name);
                    yield return (copy.ToJsonString(), $"{where}.{name} missing");
                }

                if (goodObject[name] is JsonObject or JsonArray)
                {
                    foreach (var (inner, what) in Mutations(goodObject[name], propertySchema, components, ids, $"{where}.{name}", depth + 1))
                    {
                        var copy = goodObject.DeepClone().AsObject();
                        copy[name] = JsonNode.Parse(inner);
                        yield return (copy.ToJsonString(), what);
                    }
                }
            }
        }
        else if (good is JsonObject map && schema["additionalProperties"] is JsonObject valueSchema)
        {
            foreach (var (badValue, what) in BadValues(Resolve(valueSchema, components), IsNullable(valueSchema, components)))
            {
                var copy = map.DeepClone().AsObject();
                copy["key"] = badValue;
                yield return (copy.ToJsonString(), $"{where}[key] = {what}");
            }

            yield return (new JsonObject { ["bad\u0000key"] = Good(valueSchema, components, ids, "", depth + 1) }.ToJsonString(), $"{where} key with a NUL");
            yield return (new JsonObject { [new string('k', 5000)] = Good(valueSchema, components, ids, "", depth + 1) }.ToJsonString(), $"{where} key {TooLong}");
        }
        else if (good is JsonArray array && schema["items"] is { } itemSchema)
        {
            if (!IsNullable(itemSchema, components))
            {
                yield return (new JsonArray(array.Select(i => i?.DeepClone()).Append(null).ToArray()).ToJsonString(), $"{where}[] with a null item");
            }

            foreach (var (badValue, what) in BadValues(Resolve(itemSchema, components), nullable: true))
            {
                yield return (new JsonArray(badValue).ToJsonString(), $"{where}[0] = {what}");
            }

            if (array.Count > 0)
            {
                foreach (var (inner, what) in Mutations(array[0], itemSchema, components, ids, $"{where}[0]", depth + 1))
                {
                    yield return (new JsonArray(JsonNode.Parse(inner)).ToJsonString(), what);
                }
            }
        }
    }

    /// <summary>Wrong values for a leaf of <paramref name="schema"/>'s type; nested objects are mutated member by member instead.</summary>
    private static IEnumerable<(JsonNode? Value, string What)> BadValues(JsonNode? schema, bool nullable)
    {
        if (!nullable)
        {
            yield return (null, "null");
        }

        var types = Types(schema);
        var format = schema?["format"]?.GetValue<string>();
        if (types.Contains("string"))
        {
            var formatted = BadFormatted(format).ToList();
            foreach (var (bad, what) in formatted)
            {
                yield return (bad, what);
            }

            if (formatted.Count == 0 && !types.Contains("integer") && !types.Contains("number"))
            {
                yield return ("with a NUL \u0000 inside", "a NUL");
                yield return ("with a bell \u0007 inside", "a control character");
                yield return (new string('x', 20_000), TooLong);
            }
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            yield return (JsonNode.Parse("1e400"), "1e400");
            yield return (JsonNode.Parse("-1e400"), "-1e400");
            if (types.Contains("integer"))
            {
                yield return (JsonNode.Parse("9223372036854775808"), "2^63");
                yield return (JsonNode.Parse("2.5"), "a fraction");
            }
        }

        if (types.Contains("boolean"))
        {
            yield return ("yes", "a string for a boolean");
        }

        if (types.Contains("array"))
        {
            yield return (new JsonObject(), "an object for an array");
        }

        if (types.Contains("object") && schema?["properties"] is not null)
        {
            yield return (new JsonArray(), "an array for an object");
        }
    }

    private static List<(string Value, string What)> BadParameters(JsonNode? schema)
    {
        var types = Types(schema);
        var formatted = BadFormatted(schema?["format"]?.GetValue<string>()).ToList();
        if (formatted.Count > 0)
        {
            return formatted;
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            return [("1e400", "1e400"), ("99999999999999999999", "2^66")];
        }

        return types.Contains("string") ? [("with a NUL \u0000 inside", "a NUL"), (new string('x', 5_000), TooLong)] : [];
    }

    /// <summary>Wrong values for text of a known <paramref name="format"/> (ids, dates, moments); none for other text.</summary>
    private static IEnumerable<(string Value, string What)> BadFormatted(string? format) => format switch
    {
        "uuid" => [("not-a-guid", "a malformed id")],
        "date" => [("0001-01-01", "year 1"), ("9999-12-31", "year 9999"), ("2027-02-30", "30 February")],
        "date-time" => [("0001-01-01T00:00:00+00:00", "year 1"), ("9999-12-31T23:59:59+00:00", "year 9999"), ("9999-12-31T23:59:59-14:00", "past the end of time")],
        _ => [],
    };

    /// <summary>A value the server would accept for <paramref name="schemaNode"/>, as well as the document lets us tell.</summary>
    private static JsonNode? Good(JsonNode? schemaNode, JsonNode? components, IReadOnlyDictionary<string, Guid> ids, string name, int depth)
    {
        var schema = Resolve(schemaNode, components);
        if (schema is null || depth > 4)
        {
            return null;
        }

        if (schema["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } first)
        {
            return first.DeepClone();
        }

        var types = Types(schema);
        if (types.Contains("object") || schema["properties"] is not null || schema["additionalProperties"] is JsonObject)
        {
            var result = new JsonObject();
            if (schema["properties"] is JsonObject properties)
            {
                foreach (var (property, propertySchema) in properties)
                {
                    result[property] = Good(propertySchema, components, ids, property, depth + 1);
                }
            }
            else if (schema["additionalProperties"] is JsonObject valueSchema)
            {
                result["key"] = Good(valueSchema, components, ids, "key", depth + 1);
            }

            return result;
        }

        if (types.Contains("array"))
        {
            var item = Good(schema["items"], components, ids, name, depth + 1);
            return item is null ? new JsonArray() : new JsonArray(item);
        }

        if (types.Contains("boolean"))
        {
            return true;
        }

        if (types.Contains("integer"))
        {
            return 30;
        }

        if (types.Contains("number"))
        {
            return name.Contains("lat", StringComparison.OrdinalIgnoreCase) ? 36.15 : name.Contains("lng", StringComparison.OrdinalIgnoreCase) ? -95.99 : 10;
        }

        return schema["format"]?.GetValue<string>() switch
        {
            "uuid" => IdFor(name, ids).ToString(),
            "date" => "2027-03-02",
            "date-time" => "2027-03-02T15:00:00+00:00",
            _ => GoodText(name),
        };
    }

    private static string GoodText(string name) => name.ToLowerInvariant() switch
    {
        var n when n.Contains("email") => $"fuzz-{Guid.NewGuid():N}@example.com",
        var n when n.Contains("phone") => "+19185550123",
        var n when n.Contains("color") || n.Contains("colour") => "#336699",
        var n when n.Contains("url") || n.Contains("website") => "https://example.com/",
        var n when n.Contains("slug") => "fuzz" + Guid.NewGuid().ToString("N")[..8],
        var n when n.Contains("timezone") => "America/Chicago",
        var n when n.Contains("password") => ServiceProApp.Password,
        var n when n is "start" or "end" || n.EndsWith("time", StringComparison.Ordinal) => "09:00",
        "weekday" => "monday",
        _ => "Fuzz value",
    };

    private static string GoodParameter(string name, JsonNode? schema, string path, IReadOnlyDictionary<string, Guid> ids) =>
        schema?["format"]?.GetValue<string>() switch
        {
            "uuid" => IdFor(name == "id" ? ResourceOf(path) : name, ids).ToString(),
            "date" => "2027-03-02",
            "date-time" => "2027-03-02T15:00:00+00:00",
            _ when Types(schema).Contains("integer") => "30",
            _ when name == "slug" => "root",
            _ => GoodText(name),
        };

    /// <summary>"/api/customers/{id}/assets" → "customer": the resource an {id} names.</summary>
    private static string ResourceOf(string path)
    {
        var segments = path.Split('/');
        var at = Array.IndexOf(segments, "{id}");
        return at > 0 ? segments[at - 1].TrimEnd('s') : "";
    }

    private static Guid IdFor(string name, IReadOnlyDictionary<string, Guid> ids)
    {
        var key = ids.Keys.FirstOrDefault(k => name.StartsWith(k, StringComparison.OrdinalIgnoreCase));
        return key is null ? Guid.CreateVersion7() : ids[key];
    }

    private static async Task<IReadOnlyDictionary<string, Guid>> KnownIdsAsync(TenantScene scene)
    {
        var technician = await scene.TechnicianAsync("Fuzz Tech", new TimeOnly(8, 0), new TimeOnly(17, 0));
        var customer = await scene.CustomerAsync("Fuzz Customer");
        var service = await scene.ServiceAsync();
        var booking = await scene.BookingAsync(technician.Id, customer.Id, service.Id, new DateTimeOffset(2027, 3, 2, 15, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1));
        return new Dictionary<string, Guid>
        {
            ["technician"] = technician.Id,
            ["customer"] = customer.Id,
            ["service"] = service.Id,
            ["booking"] = booking.Id,
        };
    }

    private static JsonNode? Resolve(JsonNode? schema, JsonNode? components)
    {
        for (var i = 0; i < 5 && schema is not null; i++)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = components?[reference.Split('/')[^1]];
            }
            else if ((schema["oneOf"] ?? schema["anyOf"] ?? schema["allOf"]) is JsonArray choices)
            {
                schema = choices.FirstOrDefault(c => !Types(c).SequenceEqual(["null"]));
            }
            else
            {
                return schema;
            }
        }

        return schema;
    }

    private static bool IsNullable(JsonNode? schema, JsonNode? components) =>
        schema is not null && (Types(schema).Contains("null")
            || (schema["oneOf"] ?? schema["anyOf"]) is JsonArray choices && choices.Any(c => Types(c).Contains("null"))
            || Types(Resolve(schema, components)).Contains("null")
            || schema["nullable"]?.GetValue<bool>() == true);

    private static string[] Types(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray many => many.Select(t => t!.GetValue<string>()).ToArray(),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    /// <summary>A fingerprint of every row the tenant and the platform can see, table by table.</summary>
    private async Task<Dictionary<string, string>> SnapshotAsync(Guid tenantId)
    {
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using (var set = new NpgsqlCommand("SELECT set_config('app.tenant_id', @tenant, false)", connection))
        {
            set.Parameters.AddWithValue("tenant", tenantId.ToString());
            await set.ExecuteNonQueryAsync();
        }

        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var snapshot = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var fingerprint = new NpgsqlCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{table}\" t", connection);
            snapshot[table] = (string)(await fingerprint.ExecuteScalarAsync())!;
        }

        return snapshot;
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
