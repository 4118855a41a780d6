using ServicePro.Abstractions.Integrations;

namespace ServicePro.Integrations.Twilio;

/// <summary>
/// Proves a tenant's Twilio setup can text: the credentials open an active account, the phone number is one of
/// that account's numbers and can send SMS, and the Messaging Service, when given, exists.
/// </summary>
internal static class TwilioConnectionTest
{
    public const string AuthTokenRejected =
        "That auth token was rejected by Twilio. Check the Account SID and Auth Token in your Twilio console.";

    public const string TwilioBusy =
        "Twilio is busy or unavailable right now. Please try again in a few minutes.";

    public static async Task<ConnectionTestResult> RunAsync(IntegrationContext context, CancellationToken cancellationToken)
    {
        var settings = TwilioSettings.From(context.Values);
        var client = settings.Client(context);
        try
        {
            return await CheckAsync(client, settings, cancellationToken);
        }
        catch (TwilioApiException ex) when (ex.IsAuthenticationFailure)
        {
            return ConnectionTestResult.Failure(AuthTokenRejected);
        }
        catch (TwilioApiException ex) when (ex.IsTransient)
        {
            return ConnectionTestResult.Failure(TwilioBusy);
        }
    }

    private static async Task<ConnectionTestResult> CheckAsync(TwilioRestClient client, TwilioSettings settings, CancellationToken cancellationToken)
    {
        var account = await client.GetAccountAsync(cancellationToken);
        var findings = new Dictionary<string, string>
        {
            ["account_status"] = account.Status,
            ["account_type"] = account.Type,
            ["account_name"] = account.FriendlyName,
        };
        if (!account.IsActive)
        {
            return ConnectionTestResult.Failure(
                $"Your Twilio account is {account.Status}, so it can't send texts. Reactivate it in the Twilio console, then test again.", findings);
        }

        var number = await client.FindIncomingPhoneNumberAsync(settings.PhoneNumber, cancellationToken);
        if (number is null)
        {
            return ConnectionTestResult.Failure(await NumberNotFoundAsync(client, settings.PhoneNumber, cancellationToken), findings);
        }

        findings["phone_number_sid"] = number.Sid;
        findings["sms_capable"] = number.CanSendSms ? "true" : "false";
        if (!number.CanSendSms)
        {
            return ConnectionTestResult.Failure(
                $"{settings.PhoneNumber} is on your Twilio account but is not SMS-capable. Choose a number that can send SMS.", findings);
        }

        if (settings.MessagingServiceSid is { } serviceSid)
        {
            try
            {
                findings["messaging_service_name"] = (await client.GetMessagingServiceAsync(serviceSid, cancellationToken)).FriendlyName;
            }
            catch (TwilioApiException ex) when (ex.IsNotFound)
            {
                return ConnectionTestResult.Failure(
                    "The Messaging Service SID was not found on this Twilio account. Copy it again from Messaging > Services, or leave it empty.", findings);
            }
        }

        var trialNote = string.Equals(account.Type, "Trial", StringComparison.OrdinalIgnoreCase)
            ? " It is a trial account, so texts only reach numbers you have verified with Twilio."
            : "";
        return ConnectionTestResult.Success($"Connected to Twilio: account active, {settings.PhoneNumber} can send SMS.{trialNote}", findings);
    }

    /// <summary>Tells a mistyped number apart from a real number that lives on another account.</summary>
    private static async Task<string> NumberNotFoundAsync(TwilioRestClient client, string phoneNumber, CancellationToken cancellationToken)
    {
        var lookup = await client.LookUpPhoneNumberAsync(phoneNumber, cancellationToken);
        return lookup.Valid
            ? $"{phoneNumber} was not found on this Twilio account. Enter one of the account's own numbers (Phone Numbers > Active numbers in the Twilio console)."
            : $"{phoneNumber} is not a valid phone number. Check it for typos.";
    }
}
