using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ServicePro.Abstractions.Integrations;

namespace ServicePro.Integrations.Twilio;

/// <summary>Twilio's base addresses (the host may point each one elsewhere, e.g. at a local fake).</summary>
internal sealed record TwilioEndpoints(Uri Api, Uri Lookups, Uri Messaging)
{
    public static TwilioEndpoints From(IntegrationContext context) =>
        new(context.Endpoint(TwilioProvider.ApiEndpoint),
            context.Endpoint(TwilioProvider.LookupsEndpoint),
            context.Endpoint(TwilioProvider.MessagingEndpoint));
}

/// <summary>
/// The few Twilio REST calls the platform makes (no Twilio SDK is available). HTTP Basic auth on every request
/// (the shared HttpClient is never touched), form-encoded bodies, JSON answers; a refusal becomes a
/// <see cref="TwilioApiException"/> carrying Twilio's error code. Retries are the host's HttpClient's job.
/// </summary>
internal sealed class TwilioRestClient(HttpClient http, TwilioEndpoints endpoints, string accountSid, string authToken)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly AuthenticationHeaderValue _authorization =
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{accountSid}:{authToken}")));

    private string AccountPath => $"2010-04-01/Accounts/{Escape(accountSid)}";

    public Task<TwilioAccount> GetAccountAsync(CancellationToken cancellationToken) =>
        SendAsync<TwilioAccount>(HttpMethod.Get, endpoints.Api, $"{AccountPath}.json", null, cancellationToken);

    /// <summary>The account's own number with that E.164 value, or null when the account has no such number.</summary>
    public async Task<IncomingPhoneNumber?> FindIncomingPhoneNumberAsync(string phoneNumber, CancellationToken cancellationToken)
    {
        var page = await SendAsync<IncomingPhoneNumberPage>(
            HttpMethod.Get, endpoints.Api, $"{AccountPath}/IncomingPhoneNumbers.json?PhoneNumber={Escape(phoneNumber)}", null, cancellationToken);
        return page.IncomingPhoneNumbers.FirstOrDefault(n => n.PhoneNumber == phoneNumber);
    }

    public Task<PhoneNumberLookup> LookUpPhoneNumberAsync(string phoneNumber, CancellationToken cancellationToken) =>
        SendAsync<PhoneNumberLookup>(HttpMethod.Get, endpoints.Lookups, $"v2/PhoneNumbers/{Escape(phoneNumber)}", null, cancellationToken);

    public Task<TwilioMessage> SendMessageAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>> { new("To", message.To), new("Body", message.Body) };
        if (message.MessagingServiceSid is { } serviceSid)
        {
            form.Add(new("MessagingServiceSid", serviceSid));
        }
        else
        {
            form.Add(new("From", message.From ?? throw new ArgumentException("A message needs a From number or a Messaging Service.", nameof(message))));
        }

        if (message.StatusCallback is { } callback)
        {
            form.Add(new("StatusCallback", callback.AbsoluteUri));
        }

        return SendAsync<TwilioMessage>(HttpMethod.Post, endpoints.Api, $"{AccountPath}/Messages.json", form, cancellationToken);
    }

    public Task<BrandRegistration> CreateBrandRegistrationAsync(
        string customerProfileBundleSid, string a2pProfileBundleSid, CancellationToken cancellationToken) =>
        SendAsync<BrandRegistration>(HttpMethod.Post, endpoints.Messaging, "v1/a2p/BrandRegistrations",
            [new("CustomerProfileBundleSid", customerProfileBundleSid), new("A2PProfileBundleSid", a2pProfileBundleSid)],
            cancellationToken);

    public Task<BrandRegistration> GetBrandRegistrationAsync(string brandSid, CancellationToken cancellationToken) =>
        SendAsync<BrandRegistration>(HttpMethod.Get, endpoints.Messaging, $"v1/a2p/BrandRegistrations/{Escape(brandSid)}", null, cancellationToken);

    public Task<MessagingService> CreateMessagingServiceAsync(string friendlyName, CancellationToken cancellationToken) =>
        SendAsync<MessagingService>(HttpMethod.Post, endpoints.Messaging, "v1/Services", [new("FriendlyName", friendlyName)], cancellationToken);

    public Task<MessagingService> GetMessagingServiceAsync(string serviceSid, CancellationToken cancellationToken) =>
        SendAsync<MessagingService>(HttpMethod.Get, endpoints.Messaging, $"v1/Services/{Escape(serviceSid)}", null, cancellationToken);

    /// <summary>Adds one of the account's numbers (PN...) to a Messaging Service's sender pool.</summary>
    public Task<ServicePhoneNumber> AddPhoneNumberToServiceAsync(string serviceSid, string phoneNumberSid, CancellationToken cancellationToken) =>
        SendAsync<ServicePhoneNumber>(HttpMethod.Post, endpoints.Messaging, $"v1/Services/{Escape(serviceSid)}/PhoneNumbers",
            [new("PhoneNumberSid", phoneNumberSid)], cancellationToken);

    public Task<UsAppToPerson> CreateUsAppToPersonAsync(
        string serviceSid, string brandSid, A2pCampaign campaign, string messageFlow, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("BrandRegistrationSid", brandSid),
            new("Description", campaign.Description),
            new("MessageFlow", messageFlow),
            new("UsAppToPersonUsecase", campaign.UseCase),
            new("HasEmbeddedLinks", Flag(campaign.HasEmbeddedLinks)),
            new("HasEmbeddedPhone", Flag(campaign.HasEmbeddedPhone)),
            new("OptInMessage", campaign.OptInMessage),
            new("OptOutMessage", campaign.OptOutMessage),
            new("HelpMessage", campaign.HelpMessage),
        };

        // Twilio takes list parameters as the same name repeated, one value each.
        form.AddRange(campaign.MessageSamples.Select(s => KeyValuePair.Create("MessageSamples", s)));
        form.AddRange(campaign.OptInKeywords.Select(k => KeyValuePair.Create("OptInKeywords", k)));
        form.AddRange(campaign.OptOutKeywords.Select(k => KeyValuePair.Create("OptOutKeywords", k)));
        form.AddRange(campaign.HelpKeywords.Select(k => KeyValuePair.Create("HelpKeywords", k)));

        return SendAsync<UsAppToPerson>(HttpMethod.Post, endpoints.Messaging, $"v1/Services/{Escape(serviceSid)}/Compliance/Usa2p", form, cancellationToken);
    }

    public Task<UsAppToPerson> GetUsAppToPersonAsync(string serviceSid, string campaignSid, CancellationToken cancellationToken) =>
        SendAsync<UsAppToPerson>(HttpMethod.Get, endpoints.Messaging,
            $"v1/Services/{Escape(serviceSid)}/Compliance/Usa2p/{Escape(campaignSid)}", null, cancellationToken);

    private async Task<T> SendAsync<T>(
        HttpMethod method, Uri baseAddress, string relativePath, IEnumerable<KeyValuePair<string, string>>? form, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(method, Combine(baseAddress, relativePath));
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw ToException(response, body);
        }

        return JsonSerializer.Deserialize<T>(body, Json)
            ?? throw new JsonException($"Twilio answered {relativePath.Split('?')[0]} with an empty body.");
    }

    private static TwilioApiException ToException(HttpResponseMessage response, string body)
    {
        var error = TryParseError(body);
        var message = error?.Message is { Length: > 0 } m ? m : response.ReasonPhrase ?? "no error message";
        return new TwilioApiException(response.StatusCode, error?.Code, message, error?.MoreInfo);
    }

    private static TwilioError? TryParseError(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<TwilioError>(body, Json);
        }
        catch (JsonException)
        {
            // A proxy or load balancer in front of Twilio can answer with HTML; the status code still tells.
            return null;
        }
    }

    /// <summary>Base addresses from configuration may lack the trailing slash that relative resolution needs.</summary>
    private static Uri Combine(Uri baseAddress, string relativePath)
    {
        var root = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        return new Uri(root, relativePath);
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static string Flag(bool value) => value ? "true" : "false";
}
