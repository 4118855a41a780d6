namespace ServicePro.Abstractions.Integrations;

/// <summary>A provider that can send text messages for a tenant (Twilio).</summary>
public interface ISmsProvider
{
    Task<SmsSendResult> SendSmsAsync(IntegrationContext context, SmsMessage message, CancellationToken cancellationToken);
}

/// <param name="To">E.164 number.</param>
/// <param name="Body">At most 1,600 characters.</param>
/// <param name="StatusCallback">Where the provider should report delivery, if anywhere.</param>
public sealed record SmsMessage(string To, string Body, Uri? StatusCallback = null);

/// <summary>The outcome of one send.</summary>
/// <param name="Accepted">The provider took the message.</param>
/// <param name="ProviderMessageId">The provider's id for later status callbacks (Twilio's SM... sid).</param>
/// <param name="Status">The provider's status word (queued, failed, ...).</param>
/// <param name="ErrorCode">The provider's error code when refused (e.g. 21610 = recipient opted out).</param>
/// <param name="Retriable">True when trying again later may succeed (rate limited, provider down).</param>
/// <param name="RecipientOptedOut">True when the recipient has opted out with the provider; never retry.</param>
public sealed record SmsSendResult(
    bool Accepted,
    string? ProviderMessageId,
    string Status,
    string? ErrorCode = null,
    string? ErrorMessage = null,
    bool Retriable = false,
    bool RecipientOptedOut = false);
