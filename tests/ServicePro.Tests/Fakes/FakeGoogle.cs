using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ServicePro.Tests.Fakes;

/// <summary>
/// A calendar this Google account can see. <paramref name="AccessRole"/> overrides the fake's
/// <see cref="FakeGoogle.AccessRole"/>; <paramref name="InCalendarList"/> false means the account can read it
/// but hasn't added it to its calendar list.
/// </summary>
public sealed record FakeCalendar(
    string Id, string Summary, string TimeZone, bool Primary = false, string? AccessRole = null, bool InCalendarList = true);

/// <summary>
/// Google's OAuth token endpoint (refresh_token grant, form-encoded, with Google's OAuth error JSON) and the
/// Calendar API v3 calendars / calendarList resources (Bearer access tokens the fake issued, Google's API error
/// JSON). "primary" resolves to the primary calendar, as in Google.
/// </summary>
public sealed class FakeGoogle : FakeService
{
    public const string DefaultClientId = "417263059481-h2m8q3v7c1k9s0d4f6g5j8p2r7t1w3xz.apps.googleusercontent.com";
    public const string DefaultClientSecret = "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";
    public const string DefaultRefreshToken = "1//04dXk9qLmNzR7CgYIARAAGAQSNwF-L9IrVb2tQe8WmHj5sUaKx3oP6yZ1nDcGfT0vE4iJq7hBwR2lM9uS8kN5xA3pC6";

    private readonly ConcurrentDictionary<string, bool> _issuedAccessTokens = new();
    private bool _refreshTokenRevoked;

    public string ValidClientId { get; set; } = DefaultClientId;

    public string ValidClientSecret { get; set; } = DefaultClientSecret;

    public string ValidRefreshToken { get; set; } = DefaultRefreshToken;

    /// <summary>
    /// The scopes the owner granted when connecting (space-separated, as the token endpoint reports them).
    /// Calendar calls without a calendar scope get Google's 403 insufficientPermissions.
    /// </summary>
    public string GrantedScope { get; set; } = "https://www.googleapis.com/auth/calendar";

    /// <summary>The account's role on calendars that don't set their own: owner, writer, reader or freeBusyReader.</summary>
    public string AccessRole { get; set; } = "owner";

    public List<FakeCalendar> Calendars { get; set; } =
    [
        new("owner@shinywheels.example", "owner@shinywheels.example", "America/Chicago", Primary: true),
        new("c_8f3k2m9q1v7x4z6b0n5p@group.calendar.google.com", "Detailing jobs", "America/Chicago"),
    ];

    /// <summary>What happens when the owner removes the app's access: the refresh token and its access tokens stop working.</summary>
    public void RevokeRefreshToken()
    {
        _refreshTokenRevoked = true;
        _issuedAccessTokens.Clear();
    }

    protected override void Map(WebApplication app)
    {
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "refresh_token")
            {
                return OAuthError(400, "unsupported_grant_type", $"Invalid grant_type: {form["grant_type"]}");
            }

            if (form["client_id"] != ValidClientId)
            {
                return OAuthError(401, "invalid_client", "The OAuth client was not found.");
            }

            if (form["client_secret"] != ValidClientSecret)
            {
                return OAuthError(401, "invalid_client", "Unauthorized");
            }

            if (form["refresh_token"] != ValidRefreshToken || _refreshTokenRevoked)
            {
                return OAuthError(400, "invalid_grant", "Token has been expired or revoked.");
            }

            var accessToken = "ya29.a0AfB_" + Guid.NewGuid().ToString("N");
            _issuedAccessTokens[accessToken] = true;
            return Results.Json(new
            {
                access_token = accessToken,
                expires_in = 3599,
                scope = GrantedScope,
                token_type = "Bearer",
            });
        });

        app.MapGet("/calendar/v3/calendars/{calendarId}", (HttpRequest request, string calendarId) =>
        {
            if (Unauthorized(request) is { } refused)
            {
                return refused;
            }

            return Find(calendarId) is { } calendar
                ? Results.Json(new
                {
                    kind = "calendar#calendar",
                    etag = "\"pb3kXq2JvR7nYtM0cF8wHs1dLa4\"",
                    id = calendar.Id,
                    summary = calendar.Summary,
                    timeZone = calendar.TimeZone,
                    conferenceProperties = new { allowedConferenceSolutionTypes = new[] { "hangoutsMeet" } },
                })
                : NotFound();
        });

        app.MapGet("/calendar/v3/users/me/calendarList/{calendarId}", (HttpRequest request, string calendarId) =>
        {
            if (Unauthorized(request) is { } refused)
            {
                return refused;
            }

            if (Find(calendarId) is not { InCalendarList: true } calendar)
            {
                return NotFound();
            }

            var role = calendar.AccessRole ?? AccessRole;
            var entry = new Dictionary<string, object>
            {
                ["kind"] = "calendar#calendarListEntry",
                ["etag"] = "\"1732406400000000\"",
                ["id"] = calendar.Id,
                ["summary"] = calendar.Summary,
                ["timeZone"] = calendar.TimeZone,
                ["colorId"] = "14",
                ["backgroundColor"] = "#9fe1e7",
                ["foregroundColor"] = "#000000",
                ["selected"] = true,
                ["accessRole"] = role,
                ["defaultReminders"] = role is "owner" or "writer" ? new[] { new { method = "popup", minutes = 30 } } : [],
                ["conferenceProperties"] = new { allowedConferenceSolutionTypes = new[] { "hangoutsMeet" } },
            };

            // Google leaves "primary" out unless it is true.
            if (calendar.Primary)
            {
                entry["primary"] = true;
            }

            return Results.Json(entry);
        });
    }

    /// <summary>Google's API error body for a scripted status (the token endpoint's own errors are OAuth-shaped).</summary>
    protected override IResult ErrorResult(int status) => status switch
    {
        401 => ApiError(401, "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid "
            + "authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
            "UNAUTHENTICATED", "authError", "Invalid Credentials"),
        403 => ApiError(403, "Request had insufficient authentication scopes.", "PERMISSION_DENIED", "insufficientPermissions", "Insufficient Permission"),
        404 => NotFound(),
        429 => ApiError(429, "Rate Limit Exceeded", "RESOURCE_EXHAUSTED", "rateLimitExceeded", "Rate Limit Exceeded"),
        503 => ApiError(503, "The service is currently unavailable.", "UNAVAILABLE", "backendError", "Backend Error"),
        _ => ApiError(status, "Internal error encountered.", "INTERNAL", "backendError", "Internal error encountered."),
    };

    private FakeCalendar? Find(string calendarId) =>
        Calendars.FirstOrDefault(c => calendarId == "primary" ? c.Primary : c.Id == calendarId);

    /// <summary>Null when the Bearer token is one the fake issued and the grant covers Calendar; otherwise Google's 401 or 403.</summary>
    private IResult? Unauthorized(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_issuedAccessTokens.ContainsKey(authorization["Bearer ".Length..]))
        {
            return ErrorResult(401);
        }

        return GrantedScope.Split(' ').Any(scope => scope.StartsWith("https://www.googleapis.com/auth/calendar", StringComparison.Ordinal))
            ? null
            : ErrorResult(403);
    }

    private static IResult OAuthError(int status, string error, string description) =>
        Results.Json(new { error, error_description = description }, statusCode: status);

    private static IResult NotFound() =>
        Results.Json(new { error = new { errors = new[] { new { domain = "global", reason = "notFound", message = "Not Found" } }, code = 404, message = "Not Found" } },
            statusCode: 404);

    private static IResult ApiError(int status, string message, string statusWord, string reason, string reasonMessage) =>
        Results.Json(new
        {
            error = new
            {
                code = status,
                message,
                errors = new[] { new { message = reasonMessage, domain = "global", reason } },
                status = statusWord,
            },
        }, statusCode: status);
}
