using System.Net;
using System.Text.Json;
using SendGrid;

namespace ServicePro.Integrations.SendGrid;

/// <summary>
/// SendGrid's v3 API through the official SDK on the host's HttpClient. With an injected client the SDK adds no
/// retry handler of its own (the host's client already retries 429/5xx) and only sets per-request headers
/// (Authorization, Accept, User-Agent), so the shared client is left untouched. It builds
/// Host + "v3/" + path.
/// </summary>
internal sealed class SendGridApi(HttpClient http, Uri host, string apiKey)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly SendGridClient _client = new(http, new SendGridClientOptions { ApiKey = apiKey, Host = host.AbsoluteUri });

    /// <summary>GETs v3/<paramref name="path"/>; the parsed body only when SendGrid answered 2xx.</summary>
    public async Task<SendGridReply<T>> GetAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        var response = await _client.RequestAsync(BaseClient.Method.GET, urlPath: path, cancellationToken: cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return new(null, response.StatusCode);
        }

        await using var body = await response.Body.ReadAsStreamAsync(cancellationToken);
        return new(await JsonSerializer.DeserializeAsync<T>(body, Json, cancellationToken), response.StatusCode);
    }
}

internal sealed record SendGridReply<T>(T? Value, HttpStatusCode Status)
    where T : class;

/// <summary>GET /v3/scopes: the permissions of the key making the call.</summary>
internal sealed record ScopesReply(List<string> Scopes);

/// <summary>GET /v3/verified_senders: single-sender identities, verified or still pending.</summary>
internal sealed record VerifiedSendersReply(List<VerifiedSender> Results);

internal sealed record VerifiedSender(long Id, string FromEmail, bool Verified);

/// <summary>One entry of GET /v3/whitelabel/domains; valid means its DNS records checked out.</summary>
internal sealed record AuthenticatedDomain(long Id, string Domain, bool Valid);
