using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ServicePro.Host.Identity;

namespace ServicePro.Host.Hosting.OpenApi;

/// <summary>
/// Declares how callers prove who they are — the session cookie that sign-in sets, and the operators' API key — and
/// puts on each operation that requires authorization the schemes its policy accepts, worked out from the policy itself
/// (an operator policy that takes the cookie or the key lists both, as alternatives). Anonymous operations get none.
/// </summary>
public sealed class SecurityRequirements(IAuthorizationPolicyProvider policies, IAuthenticationSchemeProvider schemes)
    : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SessionCookie = "sessionCookie";
    public const string OperatorApiKey = "operatorApiKey";

    /// <summary>Authentication scheme → the name it has in the document.</summary>
    private static readonly Dictionary<string, string> DocumentNames = new()
    {
        [IdentityConstants.ApplicationScheme] = SessionCookie,
        [OperatorApiKeyHandler.SchemeName] = OperatorApiKey,
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SessionCookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "sp_auth",
            Description = "The session cookie POST /api/auth/sign-in sets: staff sign in at their business's address, operators at the platform's. " +
                          "A cookie belongs to the address it was set at.",
        };
        document.Components.SecuritySchemes[OperatorApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Authorization: Bearer {ServicePro:Operator:ApiKey}, for automation of the operators' API.",
        };
        return Task.CompletedTask;
    }

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!ConventionalProblems.RequiresAuthorization(metadata))
        {
            return;
        }

        var policy = await AuthorizationPolicy.CombineAsync(policies, metadata.OfType<IAuthorizeData>().ToList(), metadata.OfType<AuthorizationPolicy>())
            ?? throw new InvalidOperationException($"{context.Description.RelativePath} requires authorization but has no policy.");
        var accepted = policy.AuthenticationSchemes.Count > 0
            ? policy.AuthenticationSchemes
            : [(await schemes.GetDefaultAuthenticateSchemeAsync())?.Name ?? throw new InvalidOperationException("No default authentication scheme.")];
        operation.Security = accepted.Distinct().Select(scheme => new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(DocumentName(scheme), context.Document)] = [],
        }).ToList();
    }

    /// <summary>A scheme the document does not declare would be a lie by omission: fail the document instead.</summary>
    private static string DocumentName(string scheme) =>
        DocumentNames.TryGetValue(scheme, out var name)
            ? name
            : throw new InvalidOperationException($"The authentication scheme '{scheme}' has no security scheme in the OpenAPI document.");
}
