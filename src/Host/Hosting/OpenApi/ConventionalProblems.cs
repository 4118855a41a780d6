using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;
using ServicePro.Host.Features;

namespace ServicePro.Host.Hosting.OpenApi;

/// <summary>
/// The problems an endpoint gives because of how it is mapped rather than what its handler returns, added to what the
/// API explorer knows of it (and so to the OpenAPI document) from its metadata, so no endpoint has to list them by hand:
/// <list type="bullet">
/// <item>400 (validation problem) when it binds a body or parameters: one that doesn't bind or validate is refused
/// before the handler runs;</item>
/// <item>401 and 403 when it requires authorization (not signed in; signed in but not allowed here);</item>
/// <item>429 when it is rate limited (Hosting/RateLimiting.cs);</item>
/// <item>404 when it is behind a tenant feature (Features/FeatureGate.cs answers as if it did not exist).</item>
/// </list>
/// Every problem answer carries the problem schema, also those a handler declares without a body (<c>Unauthorized()</c>):
/// the status-code pages write the problem for them.
/// </summary>
public sealed class ConventionalProblems : IApiDescriptionProvider
{
    /// <summary>After the minimal-API provider (-1100) has described the endpoint from its handler.</summary>
    public int Order => 0;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
        foreach (var description in context.Results)
        {
            var metadata = description.ActionDescriptor.EndpointMetadata;
            if (description.ParameterDescriptions.Any(p => p.Source != BindingSource.Services && p.Source != BindingSource.Special))
            {
                Ensure(description, StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails));
            }

            if (RequiresAuthorization(metadata))
            {
                Ensure(description, StatusCodes.Status401Unauthorized, typeof(ProblemDetails));
                Ensure(description, StatusCodes.Status403Forbidden, typeof(ProblemDetails));
            }

            if (IsRateLimited(metadata))
            {
                Ensure(description, StatusCodes.Status429TooManyRequests, typeof(ProblemDetails));
            }

            if (metadata.OfType<TenantFeatureRequirement>().Any())
            {
                Ensure(description, StatusCodes.Status404NotFound, typeof(ProblemDetails));
            }

            foreach (var response in description.SupportedResponseTypes.Where(r => r.StatusCode >= 400 && (r.Type is null || r.Type == typeof(void))))
            {
                Describe(response, typeof(ProblemDetails));
            }
        }
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
    }

    /// <summary>The same rule the authorization middleware applies: any authorize data, unless anonymous is allowed.</summary>
    public static bool RequiresAuthorization(IList<object> metadata) =>
        metadata.Any(m => m is IAuthorizeData or AuthorizationPolicy or IAuthorizationRequirementData) && !metadata.OfType<IAllowAnonymous>().Any();

    /// <summary>The same rule the rate limiter applies: the last word wins, and disabling beats nothing.</summary>
    public static bool IsRateLimited(IList<object> metadata) =>
        metadata.LastOrDefault(m => m is EnableRateLimitingAttribute or DisableRateLimitingAttribute) is EnableRateLimitingAttribute;

    private static void Ensure(ApiDescription description, int status, Type problemType)
    {
        if (description.SupportedResponseTypes.Any(r => r.StatusCode == status))
        {
            return;
        }

        var response = new ApiResponseType { StatusCode = status };
        Describe(response, problemType);
        description.SupportedResponseTypes.Add(response);
    }

    private static void Describe(ApiResponseType response, Type problemType)
    {
        response.Type = problemType;
        response.ApiResponseFormats.Clear();
        response.ApiResponseFormats.Add(new ApiResponseFormat { MediaType = StatusProblem.ContentType });
    }
}
