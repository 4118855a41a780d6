using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace ServicePro.Host.Persistence;

/// <summary>
/// The last line behind request validation: input the database refuses to store (a NUL, a character the encoding
/// can't carry, a value longer than its column, a number or date out of range) answers 400, not 500. Nothing was
/// written: the statement failed, and with it its transaction. Every such case is a gap in the checks at the edge
/// (<c>Validation/</c>), so it is logged as a warning naming the path, to be closed there.
/// </summary>
public sealed class UnstorableInputHandler(IProblemDetailsService problems, ILogger<UnstorableInputHandler> logger) : IExceptionHandler
{
    private static readonly HashSet<string> RefusedInput =
    [
        PostgresErrorCodes.CharacterNotInRepertoire,
        PostgresErrorCodes.UntranslatableCharacter,
        PostgresErrorCodes.StringDataRightTruncation,
        PostgresErrorCodes.NumericValueOutOfRange,
        PostgresErrorCodes.DatetimeFieldOverflow,
        PostgresErrorCodes.InvalidDatetimeFormat,
    ];

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Refusal(exception) is not { } reason)
        {
            return false;
        }

        logger.LogWarning("Input reached the database unchecked on {Method} {Path} and was refused ({Reason}): add the rule at the edge",
            httpContext.Request.Method, httpContext.Request.Path, reason);
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "This can't be saved",
                Detail = "Some of what was sent is too long, out of range, or holds characters that can't be stored. Check it and try again.",
            },
        });
    }

    /// <summary>The database's reason for refusing the input, or null when the exception is about something else.</summary>
    internal static string? Refusal(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when RefusedInput.Contains(pg.SqlState):
                    return pg.SqlState;
                case EncoderFallbackException:
                    return "unencodable text";
            }
        }

        return null;
    }
}
