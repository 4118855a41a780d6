using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServicePro.Integrations.Google;

internal sealed record OAuthClient(string ClientId, string ClientSecret, string RefreshToken);

/// <summary>The access token, or why Google would not give one (in words for the owner).</summary>
internal sealed record TokenOutcome(string? AccessToken, string? Trouble);

/// <summary>Google's OAuth 2.0 token endpoint: a refresh token traded for an access token.</summary>
internal static class GoogleOAuth
{
    public static async Task<TokenOutcome> RefreshAsync(HttpClient http, Uri oauth, OAuthClient client, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(oauth, "token"))
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "refresh_token"),
                new("client_id", client.ClientId),
                new("client_secret", client.ClientSecret),
                new("refresh_token", client.RefreshToken),
            ]),
        };
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);

        if (response.IsSuccessStatusCode)
        {
            var token = JsonSerializer.Deserialize<TokenReply>(body);
            return new(token?.AccessToken ?? throw new JsonException("Google's token answer has no access_token."), null);
        }

        return new(null, Trouble(response.StatusCode, ErrorCode(body)));
    }

    private static string Trouble(HttpStatusCode status, string? error) => (error, (int)status) switch
    {
        ("invalid_client", _) =>
            "Google rejected the client ID or secret; check both in Google Cloud Console → APIs & Services → Credentials.",
        ("invalid_grant", _) =>
            "Google no longer accepts that refresh token (it was revoked or expired); connect Google again.",
        ("unauthorized_client", _) =>
            "Google says that refresh token belongs to a different OAuth client; connect Google again with this client ID.",
        (_, 429) or (_, >= 500) => "Google is busy right now; try again in a few minutes.",
        (null, var code) => $"Google refused the sign-in (HTTP {code}); connect Google again.",
        var (code, _) => $"Google refused the sign-in ({code}); connect Google again.",
    };

    /// <summary>The "error" code of an OAuth error body; null when the body isn't one (a proxy's HTML page).</summary>
    private static string? ErrorCode(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<TokenError>(body)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record TokenReply([property: JsonPropertyName("access_token")] string? AccessToken);

    private sealed record TokenError([property: JsonPropertyName("error")] string? Error);
}
