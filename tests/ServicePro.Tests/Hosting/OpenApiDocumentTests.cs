using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Hosting;

/// <summary>
/// Reads <c>/openapi/v1.json</c> back from the real host and holds every operation in it to what the host really does:
/// the endpoints' own metadata (authorization, rate limits, parameters) and, for authorization, the answer an anonymous
/// call gets. One operation short of any property fails its test, naming the operation.
/// </summary>
public sealed partial class OpenApiDocumentTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];
    private static readonly string[] ProblemSchemas = ["#/components/schemas/ProblemDetails", "#/components/schemas/HttpValidationProblemDetails"];

    [Fact]
    public async Task Every_operation_has_a_unique_readable_operation_id_and_a_summary()
    {
        var operations = await OperationsAsync();

        var missing = operations.Where(o => !o.Body.TryGetProperty("operationId", out _)).Select(o => o.Name).ToList();
        Assert.True(missing.Count == 0, "No operationId: " + string.Join(", ", missing));
        var ids = operations.Select(o => o.Body.GetProperty("operationId").GetString()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z][A-Za-z0-9]+$", id));
        var unsummarized = operations.Where(o => !o.Body.TryGetProperty("summary", out var s) || string.IsNullOrWhiteSpace(s.GetString()))
            .Select(o => o.Name).ToList();
        Assert.True(unsummarized.Count == 0, "No summary: " + string.Join(", ", unsummarized));
    }

    [Fact]
    public async Task Every_operation_lists_a_success_and_every_problem_it_lists_has_a_problem_schema()
    {
        foreach (var operation in await OperationsAsync())
        {
            var statuses = operation.Responses.Select(r => r.Status).ToList();
            Assert.True(statuses.Any(s => s is >= 200 and < 300), $"{operation.Name} lists no success");
            foreach (var (status, response) in operation.Responses.Where(r => r.Status >= 400))
            {
                Assert.True(IsProblem(response), $"{operation.Name} lists {status} without a problem schema");
            }
        }
    }

    [Fact]
    public async Task Every_operation_that_takes_a_body_or_parameters_lists_a_400_problem()
    {
        foreach (var operation in await OperationsAsync())
        {
            var takesInput = operation.Body.TryGetProperty("requestBody", out _)
                || (operation.Body.TryGetProperty("parameters", out var parameters) && parameters.GetArrayLength() > 0);
            if (takesInput)
            {
                Assert.True(operation.Lists(400), $"{operation.Name} takes input but lists no 400");
            }
        }
    }

    [Fact]
    public async Task Exactly_the_operations_that_require_authorization_carry_a_security_requirement_and_list_401_and_403()
    {
        var endpoints = ApiEndpoints();
        foreach (var operation in await OperationsAsync())
        {
            var metadata = endpoints[operation.Key];
            var authorized = metadata.Any(m => m is IAuthorizeData or AuthorizationPolicy) && !metadata.OfType<IAllowAnonymous>().Any();
            var secured = operation.Body.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
            Assert.True(authorized == secured, $"{operation.Name}: requires authorization {authorized}, security requirement {secured}");
            if (authorized)
            {
                Assert.True(operation.Lists(401) && operation.Lists(403), $"{operation.Name} requires authorization but does not list 401 and 403");
            }
        }
    }

    [Fact]
    public async Task Every_operation_with_a_security_requirement_refuses_an_anonymous_caller_and_no_other_does()
    {
        var client = app.ForTenant("root");
        foreach (var operation in await OperationsAsync())
        {
            var path = ParameterInPath().Replace(operation.Path, Guid.NewGuid().ToString());
            var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), path);
            var response = await client.SendAsync(request);

            var secured = operation.Body.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
            Assert.True(secured == (response.StatusCode == HttpStatusCode.Unauthorized),
                $"{operation.Name} (security requirement: {secured}) answered an anonymous caller {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_session_cookie_and_the_operator_key_are_declared_and_the_operator_api_takes_either()
    {
        var document = await DocumentAsync(app.Platform());
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("cookie", schemes.GetProperty("sessionCookie").GetProperty("in").GetString());
        Assert.Equal("sp_auth", schemes.GetProperty("sessionCookie").GetProperty("name").GetString());
        Assert.Equal("bearer", schemes.GetProperty("operatorApiKey").GetProperty("scheme").GetString());

        var operations = Operations(document);
        var createTenant = operations.Single(o => o.Id == "createTenant");
        var alternatives = createTenant.Body.GetProperty("security").EnumerateArray()
            .Select(r => string.Join("+", r.EnumerateObject().Select(p => p.Name))).Order().ToList();
        Assert.Equal(["operatorApiKey", "sessionCookie"], alternatives);
        var listServices = operations.Single(o => o.Id == "listServices");
        Assert.Equal(["sessionCookie"], listServices.Body.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task Every_rate_limited_operation_lists_429()
    {
        var endpoints = ApiEndpoints();
        var limited = 0;
        foreach (var operation in await OperationsAsync())
        {
            if (endpoints[operation.Key].LastOrDefault(m => m is EnableRateLimitingAttribute or DisableRateLimitingAttribute) is EnableRateLimitingAttribute)
            {
                limited++;
                Assert.True(operation.Lists(429), $"{operation.Name} is rate limited but does not list 429");
            }
        }

        Assert.True(limited >= 5, "The public and sign-in operations are rate limited.");
    }

    [Fact]
    public async Task Every_endpoint_the_host_maps_for_clients_is_in_the_document()
    {
        var documented = (await OperationsAsync()).Select(o => o.Key).ToHashSet();

        var missing = ApiEndpoints().Keys.Where(k => !documented.Contains(k)).ToList();

        Assert.True(missing.Count == 0, "Not in the document: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Enums_are_words_in_the_schemas_and_on_the_wire()
    {
        var document = await DocumentAsync(app.Platform());
        var enums = new List<JsonElement>();
        Collect(document.GetProperty("components"), enums);

        Assert.NotEmpty(enums);
        Assert.All(enums, e => Assert.All(e.EnumerateArray(), v => Assert.Equal(JsonValueKind.String, v.ValueKind)));
        var fieldType = document.GetProperty("components").GetProperty("schemas").GetProperty("IntakeFieldType");
        Assert.Contains("yes_no", fieldType.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));

        var packs = await app.Platform().GetFromJsonAsync<JsonElement[]>("/api/industry-packs");
        var types = packs!.SelectMany(p => p.GetProperty("intakeFields").EnumerateArray()).Select(f => f.GetProperty("type")).ToList();
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Equal(JsonValueKind.String, t.ValueKind));
    }

    [Fact]
    public async Task Required_and_null_say_what_the_server_accepts_and_what_it_always_writes()
    {
        var schemas = (await DocumentAsync(app.Platform())).GetProperty("components").GetProperty("schemas");

        // An answer: every member is always written, null or not; a problem leaves its empty members out.
        var booking = schemas.GetProperty("BookingDto");
        Assert.Equal(
            booking.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(),
            booking.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).Order());
        Assert.True(Accepts(booking.GetProperty("properties").GetProperty("address"), "null"));
        Assert.False(Accepts(booking.GetProperty("properties").GetProperty("notes"), "null"));
        Assert.False(schemas.GetProperty("ProblemDetails").TryGetProperty("required", out _));

        // A request: members left out are filled in by the server, and any member of a reference type takes null.
        var create = schemas.GetProperty("CreateBookingRequest");
        Assert.False(create.TryGetProperty("required", out _));
        Assert.True(Accepts(create.GetProperty("properties").GetProperty("technicianId"), "null"));
        Assert.False(Accepts(create.GetProperty("properties").GetProperty("customerId"), "null"));
        var owner = schemas.GetProperty("NewOwner");
        Assert.True(Accepts(owner.GetProperty("properties").GetProperty("email"), "null"));
        Assert.DoesNotContain(schemas.EnumerateObject(), s => s.Value.ToString().Contains("x-servicepro-members", StringComparison.Ordinal));
    }

    private static bool Accepts(JsonElement schema, string type) =>
        schema.TryGetProperty("type", out var types) && (types.ValueKind == JsonValueKind.Array
            ? types.EnumerateArray().Any(t => t.GetString() == type)
            : types.GetString() == type);

    [Fact]
    public async Task Platform_only_operations_say_so()
    {
        var operations = await OperationsAsync();

        var platform = operations.Where(o => o.Path.StartsWith("/api/platform/", StringComparison.Ordinal) || o.Id == "signUp").ToList();
        Assert.NotEmpty(platform);
        Assert.All(platform, o => Assert.Equal("platform", o.Body.GetProperty("x-servicepro-address").GetString()));
        Assert.All(platform, o => Assert.Contains("platform's address", o.Body.GetProperty("description").GetString()));
        Assert.All(operations, o => Assert.Contains(o.Body.GetProperty("x-servicepro-address").GetString(), new[] { "platform", "tenant", "any" }));
        Assert.Equal("tenant", operations.Single(o => o.Id == "listServices").Body.GetProperty("x-servicepro-address").GetString());
        Assert.Equal("tenant", operations.Single(o => o.Id == "findAvailability").Body.GetProperty("x-servicepro-address").GetString());
    }

    [Theory]
    [InlineData("localhost", "/", "http://localhost")]
    [InlineData("root.servicepro.localhost", "/", "http://root.servicepro.localhost")]
    [InlineData("localhost", "/t/root/", "http://localhost/t/root")]
    public async Task The_reference_page_answers_and_the_document_sends_calls_to_the_address_it_was_read_from(string host, string prefix, string server)
    {
        var client = app.ClientFor(host);

        var page = await client.GetAsync(new Uri(prefix + "scalar/", UriKind.Relative));
        var document = await DocumentAsync(client, prefix);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(server, document.GetProperty("servers")[0].GetProperty("url").GetString());
        var operations = Operations(document);
        var onTenant = host != "localhost" || prefix != "/";
        // An operation meant for the other kind of address names where to call it instead.
        var elsewhere = operations.Where(o => o.Body.GetProperty("x-servicepro-address").GetString() == (onTenant ? "platform" : "tenant")).ToList();
        Assert.NotEmpty(elsewhere);
        Assert.All(elsewhere, o => Assert.True(o.Body.TryGetProperty("servers", out _), $"{o.Name} names no server"));
        var here = operations.Where(o => o.Body.GetProperty("x-servicepro-address").GetString() is "any" || (o.Body.GetProperty("x-servicepro-address").GetString() == "tenant") == onTenant);
        Assert.All(here, o => Assert.False(o.Body.TryGetProperty("servers", out _), $"{o.Name} is sent elsewhere"));
    }

    [Fact]
    public async Task From_the_platform_s_reference_page_a_business_s_operation_is_tried_on_that_business()
    {
        var document = await DocumentAsync(app.Platform());
        var server = Operations(document).Single(o => o.Id == "listServices").Body.GetProperty("servers")[0];
        var template = server.GetProperty("url").GetString()!;
        var root = template.Replace("{tenant}", server.GetProperty("variables").GetProperty("tenant").GetProperty("default").GetString(), StringComparison.Ordinal);
        var tenant = await app.CreateTenantAsync();
        var business = template.Replace("{tenant}", tenant.Slug, StringComparison.Ordinal);
        var client = app.Platform();

        var profile = await client.GetFromJsonAsync<JsonElement>(new Uri(root + "/api/tenant"));
        var signIn = await client.PostAsJsonAsync(new Uri(business + "/api/auth/sign-in"), new { email = tenant.OwnerEmail, password = tenant.OwnerPassword });
        var services = await client.GetAsync(new Uri(business + "/api/services"));

        Assert.Equal("http://localhost/t/{tenant}", template);
        Assert.Equal("root", profile.GetProperty("slug").GetString());
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, services.StatusCode);
    }

    private static bool IsProblem(JsonElement response) =>
        response.TryGetProperty("content", out var content)
        && content.TryGetProperty("application/problem+json", out var media)
        && media.TryGetProperty("schema", out var schema)
        && schema.TryGetProperty("$ref", out var reference)
        && ProblemSchemas.Contains(reference.GetString());

    private static void Collect(JsonElement element, List<JsonElement> enums)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "enum")
                    {
                        enums.Add(property.Value);
                    }
                    else
                    {
                        Collect(property.Value, enums);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, enums);
                }

                break;
        }
    }

    private async Task<List<Operation>> OperationsAsync() => Operations(await DocumentAsync(app.Platform()));

    private static async Task<JsonElement> DocumentAsync(HttpClient client, string prefix = "/")
    {
        var response = await client.GetAsync(new Uri(prefix + "openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<Operation> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)).Select(m => new Operation(path.Name, m.Name, m.Value)))
            .ToList();

    /// <summary>
    /// The host's endpoints for API clients, keyed "METHOD /path/{parameter}" as the document writes them: every
    /// endpoint with a handler method (pages, health checks and the document itself have none) not left out on purpose.
    /// </summary>
    private Dictionary<string, IList<object>> ApiEndpoints()
    {
        var result = new Dictionary<string, IList<object>>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var metadata = endpoint.Metadata;
            if (metadata.GetMetadata<MethodInfo>() is null
                || metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true }
                || metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods)
            {
                continue;
            }

            var path = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
                _ => "",
            }))));
            foreach (var method in methods.HttpMethods)
            {
                result[method.ToUpperInvariant() + " " + path] = metadata.ToList();
            }
        }

        return result;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterInPath();

    private sealed record Operation(string Path, string Method, JsonElement Body)
    {
        public string Key => Method.ToUpperInvariant() + " " + Path;

        public string? Id => Body.TryGetProperty("operationId", out var id) ? id.GetString() : null;

        public string Name => Id ?? Key;

        public List<(int Status, JsonElement Response)> Responses =>
            Body.GetProperty("responses").EnumerateObject().Select(r => (int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture), r.Value)).ToList();

        public bool Lists(int status) => Responses.Any(r => r.Status == status);
    }
}
