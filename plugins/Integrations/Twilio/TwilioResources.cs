using System.Text.Json;

namespace ServicePro.Integrations.Twilio;

// The parts of Twilio's resources the platform reads, named as on the wire (snake_case, mapped by
// TwilioRestClient's serializer options). Everything else in Twilio's answers is ignored.

/// <summary>GET /2010-04-01/Accounts/{Sid}.json</summary>
internal sealed record TwilioAccount(string Sid, string FriendlyName, string Status, string Type)
{
    public bool IsActive => string.Equals(Status, "active", StringComparison.OrdinalIgnoreCase);
}

internal sealed record IncomingPhoneNumberPage(IReadOnlyList<IncomingPhoneNumber> IncomingPhoneNumbers);

/// <summary>One of the account's own numbers (PN...).</summary>
internal sealed record IncomingPhoneNumber(string Sid, string PhoneNumber, PhoneNumberCapabilities? Capabilities)
{
    public bool CanSendSms => Capabilities?.Sms == true;
}

internal sealed record PhoneNumberCapabilities(bool Sms, bool Voice, bool Mms);

/// <summary>GET lookups /v2/PhoneNumbers/{E164}: whether a number exists at all, whoever owns it.</summary>
internal sealed record PhoneNumberLookup(
    string PhoneNumber, bool Valid, string? CallingCountryCode, string? CountryCode, string? NationalFormat, IReadOnlyList<string>? ValidationErrors);

/// <summary>A message Twilio accepted (SM...).</summary>
internal sealed record TwilioMessage(string Sid, string Status, int? ErrorCode, string? ErrorMessage);

/// <summary>What a message send needs; exactly one of From and MessagingServiceSid is set.</summary>
internal sealed record OutgoingMessage(string To, string Body, string? From, string? MessagingServiceSid, Uri? StatusCallback);

/// <summary>An A2P brand registration (BN...). Status: PENDING, IN_REVIEW, APPROVED, FAILED, SUSPENDED, DELETED.</summary>
internal sealed record BrandRegistration(string Sid, string Status, string? FailureReason);

/// <summary>A Messaging Service (MG...).</summary>
internal sealed record MessagingService(string Sid, string FriendlyName);

/// <summary>A number in a Messaging Service's sender pool (the PN... of the account's number).</summary>
internal sealed record ServicePhoneNumber(string Sid, string ServiceSid);

/// <summary>An A2P campaign on a Messaging Service (QE...). Status: PENDING, IN_PROGRESS, VERIFIED, FAILED, SUSPENDED.</summary>
internal sealed record UsAppToPerson(string Sid, string CampaignStatus, IReadOnlyList<JsonElement>? Errors);

/// <summary>Twilio's error body.</summary>
internal sealed record TwilioError(int? Code, string? Message, string? MoreInfo, int? Status);
