using System.Globalization;
using ServicePro.Abstractions.Integrations;

namespace ServicePro.Integrations.Twilio;

/// <summary>Sends one text and turns Twilio's refusals into what the sender needs to decide: retry, give up, or record an opt-out.</summary>
internal static class TwilioSms
{
    private const string Failed = "failed";

    public static async Task<SmsSendResult> SendAsync(IntegrationContext context, SmsMessage message, CancellationToken cancellationToken)
    {
        var settings = TwilioSettings.From(context.Values);
        // A Messaging Service picks the sender itself (and is what an A2P campaign is attached to).
        var outgoing = new OutgoingMessage(
            message.To,
            message.Body,
            settings.MessagingServiceSid is null ? settings.PhoneNumber : null,
            settings.MessagingServiceSid,
            message.StatusCallback);
        try
        {
            var sent = await settings.Client(context).SendMessageAsync(outgoing, cancellationToken);
            return new SmsSendResult(Accepted: true, sent.Sid, sent.Status);
        }
        catch (TwilioApiException ex)
        {
            return Refused(ex);
        }
    }

    private static SmsSendResult Refused(TwilioApiException ex)
    {
        var code = (ex.Code ?? (int)ex.Status).ToString(CultureInfo.InvariantCulture);
        if (ex.Code == TwilioApiException.RecipientOptedOut)
        {
            return new(false, null, Failed, code, ex.TwilioMessage, Retriable: false, RecipientOptedOut: true);
        }

        // 21211 (To is not a valid number), 21614 (To can't receive SMS) and every other 400 won't change by
        // waiting; only rate limiting (429, 20429) and Twilio outages (5xx) may.
        var message = ex.IsAuthenticationFailure ? TwilioConnectionTest.AuthTokenRejected : ex.TwilioMessage;
        return new(false, null, Failed, code, message, Retriable: ex.IsTransient);
    }
}
