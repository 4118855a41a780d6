using ServicePro.Abstractions.Integrations;

namespace ServicePro.Integrations.Google;

/// <summary>
/// The tenant's Google Calendar, where bookings are added as events. The tenant's own OAuth client and a
/// refresh token granted with calendar access are stored; each use trades the refresh token for a short-lived
/// access token, which is never kept or reported. The connection test proves the client and token, finds the
/// calendar and checks that this account may add events to it.
/// </summary>
public sealed class GoogleCalendarProvider : IIntegrationProvider
{
    public const string PrimaryCalendar = "primary";

    public string Key => "google";

    public string Name => "Google Calendar";

    public string Description => "Put every booking on your Google Calendar as it's made, rescheduled or cancelled.";

    public IReadOnlyList<CredentialField> Fields { get; } =
    [
        new("client_id", "OAuth client ID", Secret: false,
            Help: "Google Cloud Console → APIs & Services → Credentials: your OAuth client's ID.",
            Placeholder: "1234567890-abc123.apps.googleusercontent.com"),
        new("client_secret", "OAuth client secret", Secret: true,
            Help: "Shown next to the client ID in Google Cloud Console."),
        new("refresh_token", "Refresh token", Secret: true,
            Help: "Granted when you allowed this client to manage your calendar (it usually starts with 1//)."),
        new("calendar_id", "Calendar ID", Secret: false, Required: false,
            Help: "Leave empty for your main calendar, or copy the ID from the calendar's Settings → Integrate calendar.",
            Placeholder: PrimaryCalendar),
    ];

    public IReadOnlyDictionary<string, Uri> Endpoints { get; } = new Dictionary<string, Uri>
    {
        ["oauth"] = new("https://oauth2.googleapis.com/"),
        ["calendar"] = new("https://www.googleapis.com/"),
    };

    public IReadOnlyList<FieldProblem> Validate(IReadOnlyDictionary<string, string> values) => GoogleFormats.Problems(values);

    public async Task<ConnectionTestResult> TestConnectionAsync(IntegrationContext context, CancellationToken cancellationToken)
    {
        var token = await GoogleOAuth.RefreshAsync(
            context.Http,
            context.Endpoint("oauth"),
            new(context.Value("client_id").Trim(), context.Value("client_secret").Trim(), context.Value("refresh_token").Trim()),
            cancellationToken);
        if (token.AccessToken is null)
        {
            return ConnectionTestResult.Failure(token.Trouble!);
        }

        var calendarId = context.OptionalValue("calendar_id")?.Trim() is { Length: > 0 } configured ? configured : PrimaryCalendar;
        var api = new GoogleCalendarApi(context.Http, context.Endpoint("calendar"), token.AccessToken);

        var calendar = await api.GetAsync<Calendar>("calendar/v3/calendars/", calendarId, cancellationToken);
        if (calendar.Value is null)
        {
            return ConnectionTestResult.Failure(GoogleWording.CalendarTrouble(calendar.Error!, calendarId, inCalendarList: false));
        }

        var entry = await api.GetAsync<CalendarListEntry>("calendar/v3/users/me/calendarList/", calendarId, cancellationToken);
        if (entry.Value is null)
        {
            return ConnectionTestResult.Failure(GoogleWording.CalendarTrouble(entry.Error!, calendarId, inCalendarList: true));
        }

        var summary = calendar.Value.Summary;
        if (entry.Value.AccessRole is not ("owner" or "writer"))
        {
            return ConnectionTestResult.Failure(
                $"Google Calendar can see \"{summary}\" but not add events to it; share it with this Google account with "
                + "\"Make changes to events\" permission, or choose another calendar.");
        }

        return ConnectionTestResult.Success(
            $"Connected to Google Calendar: bookings will go on \"{summary}\" ({calendar.Value.TimeZone}).",
            new Dictionary<string, string>
            {
                ["calendar_id"] = calendar.Value.Id,
                ["calendar_summary"] = summary,
                ["calendar_time_zone"] = calendar.Value.TimeZone,
                ["access_role"] = entry.Value.AccessRole,
            });
    }
}
