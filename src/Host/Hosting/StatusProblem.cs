using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace ServicePro.Host.Hosting;

/// <summary>
/// An RFC 9457 problem whose status is part of its type. <see cref="ProblemHttpResult"/> carries its status only at
/// run time, so an endpoint returning it tells the OpenAPI document nothing; an endpoint whose return type names
/// <see cref="NotFoundProblem"/> (say) lists its 404 answer with the problem schema, the same way <c>Ok&lt;T&gt;</c>
/// lists its 200. Made by <see cref="Problems"/>; writing the answer is left to <see cref="ProblemHttpResult"/>, so a
/// browser still gets the error page and a machine the problem (Hosting/ErrorPages.cs).
/// </summary>
public abstract class StatusProblem(ProblemHttpResult problem)
    : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IContentTypeHttpResult
{
    public const string ContentType = "application/problem+json";

    public ProblemDetails ProblemDetails => problem.ProblemDetails;

    public int StatusCode => problem.StatusCode;

    int? IStatusCodeHttpResult.StatusCode => problem.StatusCode;

    object? IValueHttpResult.Value => problem.ProblemDetails;

    ProblemDetails? IValueHttpResult<ProblemDetails>.Value => problem.ProblemDetails;

    string? IContentTypeHttpResult.ContentType => problem.ContentType;

    public Task ExecuteAsync(HttpContext httpContext) => problem.ExecuteAsync(httpContext);

    /// <summary>Lists <paramref name="status"/> with the problem schema among the endpoint's answers.</summary>
    protected static void Describe(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ContentType]));
}

/// <summary>401: the request did not say who is asking, or said it wrongly (a refused sign-in).</summary>
public sealed class UnauthorizedProblem(ProblemHttpResult problem) : StatusProblem(problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status401Unauthorized);
}

/// <summary>403: the caller is known but may not do this.</summary>
public sealed class ForbiddenProblem(ProblemHttpResult problem) : StatusProblem(problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status403Forbidden);
}

/// <summary>404: there is nothing of that kind here.</summary>
public sealed class NotFoundProblem(ProblemHttpResult problem) : StatusProblem(problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status404NotFound);
}

/// <summary>409: the request is right, but the thing it is about is in a state that refuses it.</summary>
public sealed class ConflictProblem(ProblemHttpResult problem) : StatusProblem(problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status409Conflict);
}

/// <summary>422: well-formed and understood, but the business can't do it (outside the service area, a key reused).</summary>
public sealed class UnprocessableProblem(ProblemHttpResult problem) : StatusProblem(problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status422UnprocessableEntity);
}

/// <summary>503: a part of the service this request needs can't answer now (see <see cref="Problems.PackUnavailable"/>).</summary>
public sealed class UnavailableProblem(ProblemHttpResult problem) : StatusProblem(problem), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status503ServiceUnavailable);
}
