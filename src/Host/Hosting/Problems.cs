using Microsoft.AspNetCore.Http.HttpResults;

namespace ServicePro.Host.Hosting;

/// <summary>RFC 9457 answers used across endpoints, so the same failure reads the same everywhere.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public const string InvalidTitle = "Some fields need attention";

    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: InvalidTitle);

    public static ValidationProblem Invalid(string field, string message) => Invalid(new() { [field] = [message] });

    /// <summary>
    /// The business's industry pack can't answer: it is not loaded, or its code failed. 503, because the request was
    /// right (not a 4xx) and the failure is in a part of the service that may well answer later, not in our request
    /// handling (a 500); a client may retry or offer the customer another way to book.
    /// </summary>
    public static ProblemHttpResult PackUnavailable(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Industry pack unavailable", detail: detail);
}
