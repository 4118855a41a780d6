using ServicePro.Abstractions.Integrations;

namespace ServicePro.Integrations.Google;

/// <summary>Format checks for the Google fields, made before any call.</summary>
internal static class GoogleFormats
{
    private const string ClientIdSuffix = ".apps.googleusercontent.com";

    public static IReadOnlyList<FieldProblem> Problems(IReadOnlyDictionary<string, string> values)
    {
        var problems = new List<FieldProblem>();

        var clientId = values.GetValueOrDefault("client_id")?.Trim();
        if (string.IsNullOrEmpty(clientId))
        {
            problems.Add(new("client_id", "Enter your OAuth client ID."));
        }
        else if (!clientId.EndsWith(ClientIdSuffix, StringComparison.Ordinal) || clientId.Length == ClientIdSuffix.Length || HasSpace(clientId))
        {
            problems.Add(new("client_id",
                $"A Google OAuth client ID ends in {ClientIdSuffix}; copy it from Google Cloud Console → APIs & Services → Credentials."));
        }

        var clientSecret = values.GetValueOrDefault("client_secret")?.Trim();
        if (string.IsNullOrEmpty(clientSecret))
        {
            problems.Add(new("client_secret", "Enter your OAuth client secret."));
        }
        else if (HasSpace(clientSecret))
        {
            problems.Add(new("client_secret", "A client secret has no spaces; copy it again from Google Cloud Console."));
        }

        var refreshToken = values.GetValueOrDefault("refresh_token")?.Trim();
        if (string.IsNullOrEmpty(refreshToken))
        {
            problems.Add(new("refresh_token", "Enter the refresh token."));
        }
        else if (refreshToken.StartsWith("ya29.", StringComparison.Ordinal))
        {
            // A common mix-up: the access token works for an hour, then everything would stop.
            problems.Add(new("refresh_token", "That's an access token, which expires within an hour; paste the refresh token instead."));
        }
        else if (HasSpace(refreshToken))
        {
            problems.Add(new("refresh_token", "A refresh token has no spaces; copy it again."));
        }

        var calendarId = values.GetValueOrDefault("calendar_id")?.Trim();
        if (!string.IsNullOrEmpty(calendarId)
            && calendarId != GoogleCalendarProvider.PrimaryCalendar
            && (!calendarId.Contains('@', StringComparison.Ordinal) || HasSpace(calendarId)))
        {
            problems.Add(new("calendar_id",
                "Leave it empty for your main calendar, or copy the ID (like …@group.calendar.google.com) from the calendar's Settings → Integrate calendar."));
        }

        return problems;
    }

    private static bool HasSpace(string value) => value.Any(char.IsWhiteSpace);
}
