using Microsoft.AspNetCore.Http.HttpResults;

namespace ServicePro.Host.Hosting;

/// <summary>
/// RFC 9457 answers used across endpoints, so the same failure reads the same everywhere. Each is typed by its status
/// (<see cref="StatusProblem"/>), so an endpoint that can give it says so in the OpenAPI document.
/// </summary>
public static class Problems
{
    public static NotFoundProblem NotFound(string detail) =>
        new(TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail));

    public static ConflictProblem Conflict(string detail) => Conflict("Conflict", detail);

    public static ConflictProblem Conflict(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        new(TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail, extensions: extensions));

    public static ForbiddenProblem Forbidden(string title, string detail) =>
        new(TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title, detail: detail));

    public static UnauthorizedProblem Unauthorized(string title, string detail) =>
        new(TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: title, detail: detail));

    public static UnprocessableProblem Unprocessable(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        new(TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: title, detail: detail, extensions: extensions));

    public const string InvalidTitle = "Some fields need attention";

    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: InvalidTitle);

    public static ValidationProblem Invalid(string field, string message) => Invalid(new() { [field] = [message] });

    /// <summary>
    /// The business's industry pack can't answer: it is not loaded, or its code failed. 503, because the request was
    /// right (not a 4xx) and the failure is in a part of the service that may well answer later, not in our request
    /// handling (a 500); a client may retry or offer the customer another way to book.
    /// </summary>
    public static UnavailableProblem PackUnavailable(string detail) =>
        new(TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Industry pack unavailable", detail: detail));
}
