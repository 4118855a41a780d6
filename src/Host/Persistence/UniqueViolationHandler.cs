using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace ServicePro.Host.Persistence;

/// <summary>
/// Turns a unique-constraint violation that slipped past an endpoint's own check (two requests racing for
/// the same slug or phone number) into a 409 problem instead of a 500. Nothing was written: the transaction
/// failed as a whole.
/// </summary>
public sealed class UniqueViolationHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DbUpdateException { InnerException: { } inner } || !IsUniqueViolation(inner))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "Something with the same name or number was saved at the same moment. Reload and try again.",
            },
        });
    }

    internal static bool IsUniqueViolation(Exception inner) => inner switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal),
        _ => false,
    };
}
