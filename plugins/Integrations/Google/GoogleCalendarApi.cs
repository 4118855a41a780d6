using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ServicePro.Integrations.Google;

/// <summary>The Calendar API v3 resources the connection test reads, with the access token per request.</summary>
internal sealed class GoogleCalendarApi(HttpClient http, Uri calendarEndpoint, string accessToken)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>GETs <paramref name="collection"/> + the escaped calendar id (ids are email-like: a@b, x@group.calendar.google.com).</summary>
    public async Task<GoogleReply<T>> GetAsync<T>(string collection, string calendarId, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(calendarEndpoint, collection + Uri.EscapeDataString(calendarId)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);

        return response.IsSuccessStatusCode
            ? new(JsonSerializer.Deserialize<T>(body, Json), null)
            : new(null, GoogleApiError.From(response.StatusCode, body));
    }
}

internal sealed record GoogleReply<T>(T? Value, GoogleApiError? Error)
    where T : class;

/// <summary>calendar#calendar.</summary>
internal sealed record Calendar(string Id, string Summary, string TimeZone);

/// <summary>calendar#calendarListEntry: the calendar as this account sees it, with its access role.</summary>
internal sealed record CalendarListEntry(string Id, string AccessRole);

/// <summary>Google's API error: HTTP status plus the first error's reason (notFound, insufficientPermissions ...).</summary>
internal sealed record GoogleApiError(HttpStatusCode Status, string? Reason)
{
    public static GoogleApiError From(HttpStatusCode status, string body)
    {
        try
        {
            var error = JsonSerializer.Deserialize<Envelope>(body, GoogleCalendarApi.Json)?.Error;
            return new(status, error?.Errors?.FirstOrDefault()?.Reason);
        }
        catch (JsonException)
        {
            return new(status, null);
        }
    }

    private sealed record Envelope(Body? Error);

    private sealed record Body(int Code, string? Message, string? Status, List<Detail>? Errors);

    private sealed record Detail(string? Reason, string? Domain, string? Message);
}
