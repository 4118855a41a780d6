using Microsoft.AspNetCore.Http.HttpResults;

namespace ServicePro.Host.Hosting;

/// <summary>RFC 9457 answers used across endpoints, so the same failure reads the same everywhere.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Some fields need attention");

    public static ValidationProblem Invalid(string field, string message) => Invalid(new() { [field] = [message] });

    public static ProblemHttpResult PackUnavailable(string industry) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Industry pack unavailable",
            detail: $"The '{industry}' industry pack is not loaded on this server, so jobs cannot be estimated.");
}
