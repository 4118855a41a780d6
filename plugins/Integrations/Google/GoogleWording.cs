namespace ServicePro.Integrations.Google;

/// <summary>Owner-facing words for Calendar API errors met during the connection test.</summary>
internal static class GoogleWording
{
    public static string CalendarTrouble(GoogleApiError error, string calendarId, bool inCalendarList) => ((int)error.Status, error.Reason) switch
    {
        (429, _) or ( >= 500, _) or (403, "rateLimitExceeded" or "userRateLimitExceeded") =>
            "Google Calendar is busy right now; try again in a few minutes.",
        (401, _) => "Google rejected the sign-in for Google Calendar; connect Google again.",
        (403, "insufficientPermissions") =>
            "Google Calendar access wasn't granted when you connected Google; connect again and allow access to your calendar.",
        (403, "accessNotConfigured") =>
            "The Google Calendar API isn't enabled for your OAuth client's project; enable it in Google Cloud Console and test again.",
        (403, _) => "Google refused access to that calendar; connect Google again with the account that owns it.",
        (404, _) when inCalendarList =>
            $"Google can find the calendar \"{calendarId}\" but it isn't in this account's calendar list; add it in Google Calendar and test again.",
        (404, _) =>
            $"Google Calendar has no calendar \"{calendarId}\" that this account can see; check the calendar ID, or leave it empty for your main calendar.",
        (var code, _) => $"Google Calendar answered with an unexpected error (HTTP {code}); try again, and contact support if it keeps happening.",
    };
}
