using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using ServicePro.Host.Identity;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Hosting.OpenApi;

/// <summary>
/// Where each operation is called. The request's address picks the business (<see cref="TenantResolutionMiddleware"/>),
/// so the same path means different things on a business's address and on the platform's. The document's server is
/// the address it was read from, so "Try it" in the reference page calls that address; an operation meant for the
/// other kind of address lists its own servers (a business's through the <c>/t/{tenant}</c> prefix on the same origin
/// first, so a browser can call it from the platform's page). Each operation says which it is in
/// <c>x-servicepro-address</c> (<c>platform</c>, <c>tenant</c> or <c>any</c>) and in a line of its description.
/// </summary>
public sealed class ApiAddresses(IHttpContextAccessor accessor, IAuthorizationPolicyProvider policies, IOptions<TenancyOptions> tenancy)
    : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Extension = "x-servicepro-address";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "ServicePro API";
        document.Info.Description =
            "ServicePro is multi-tenant: the address a request is sent to picks the business. Operations marked " +
            $"`{Extension}: tenant` are called on a business's address — its own domain, `{{slug}}.{tenancy.Value.BaseDomain}`, " +
            "or the platform's address followed by `/t/{slug}`; those marked `platform` on the platform's own address; `any` on either. " +
            "The server below is the address this document was read from; operations meant for the other kind of address list " +
            "their own servers.\n\n" +
            "An address that names no business answers 404 to every operation, a suspended business's address 403. " +
            "Every failure is an RFC 9457 problem (`application/problem+json`).";
        if (Here() is { } here)
        {
            document.Servers = [new OpenApiServer { Url = here.Url, Description = here.OnTenant ? "This business's address" : "The platform's address" }];
        }

        return Task.CompletedTask;
    }

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var served = await ServedAtAsync(context.Description.ActionDescriptor.EndpointMetadata);
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[Extension] = new JsonNodeExtension(JsonValue.Create(served switch
        {
            ServedAt.Platform => "platform",
            ServedAt.Tenant => "tenant",
            _ => "any",
        }));
        var line = served switch
        {
            ServedAt.Platform => "Called on the platform's address.",
            ServedAt.Tenant => "Called on a business's address.",
            _ => "Called on a business's address or the platform's.",
        };
        operation.Description = operation.Description is { Length: > 0 } existing ? existing + "\n\n" + line : line;

        if (Here() is not { } here || served is null || (served == ServedAt.Tenant) == here.OnTenant)
        {
            return;
        }

        operation.Servers = served == ServedAt.Tenant ? TenantServers(here) : [new OpenApiServer { Url = here.Platform, Description = "The platform's address" }];
    }

    /// <summary>
    /// What the endpoint says, else what its policy implies: a policy that requires a tenant's staff only ever succeeds
    /// on that tenant's address. Null: it answers on either kind of address.
    /// </summary>
    private async Task<ServedAt?> ServedAtAsync(IList<object> metadata)
    {
        if (metadata.OfType<ServedAtMetadata>().LastOrDefault() is { } declared)
        {
            return declared.Address;
        }

        if (!ConventionalProblems.RequiresAuthorization(metadata))
        {
            return null;
        }

        var policy = await AuthorizationPolicy.CombineAsync(policies, metadata.OfType<IAuthorizeData>().ToList(), metadata.OfType<AuthorizationPolicy>());
        return policy?.Requirements.OfType<TenantMemberRequirement>().Any() == true ? ServedAt.Tenant : null;
    }

    private List<OpenApiServer> TenantServers(RequestAddress here)
    {
        var variables = new Dictionary<string, OpenApiServerVariable>
        {
            ["tenant"] = new() { Default = RootTenantSeeder.Root.Slug!, Description = "The business's slug" },
        };
        return
        [
            new OpenApiServer { Url = here.Platform + "/t/{tenant}", Description = "A business, by its slug, through the platform's address", Variables = variables },
            new OpenApiServer
            {
                Url = $"{here.Scheme}://{{tenant}}.{tenancy.Value.BaseDomain}{here.Port}",
                Description = "A business at its subdomain",
                Variables = variables,
            },
        ];
    }

    private RequestAddress? Here()
    {
        if (accessor.HttpContext is not { } http)
        {
            return null; // built without a request (build-time generation): no address to name
        }

        var request = http.Request;
        var onTenant = http.RequestServices.GetRequiredService<ITenantContext>().Tenant is not null;
        var origin = $"{request.Scheme}://{request.Host}";
        var port = request.Host.Port is { } p ? ":" + p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        // A business reached through /t/{slug} is on a platform host already; one at its own host name is not.
        var platform = !onTenant || request.PathBase.StartsWithSegments("/t")
            ? origin
            : $"{request.Scheme}://{tenancy.Value.BaseDomain}{port}";
        return new RequestAddress(origin + request.PathBase, onTenant, platform, request.Scheme, port);
    }

    private sealed record RequestAddress(string Url, bool OnTenant, string Platform, string Scheme, string Port);
}
