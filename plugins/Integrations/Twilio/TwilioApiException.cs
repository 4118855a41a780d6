using System.Globalization;
using System.Net;

namespace ServicePro.Integrations.Twilio;

/// <summary>
/// Twilio refused a request. Carries Twilio's error body ({code, message, more_info, status}) so callers can
/// decide by Twilio's code (21610 opted out, 20003 bad credentials, ...) rather than by wording.
/// </summary>
internal sealed class TwilioApiException(HttpStatusCode status, int? code, string twilioMessage, string? moreInfo)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"Twilio answered {(int)status} (error {code?.ToString(CultureInfo.InvariantCulture) ?? "none"}): {twilioMessage}"))
{
    public const int Unauthenticated = 20003;
    public const int NotFound = 20404;
    public const int TooManyRequests = 20429;
    public const int RecipientOptedOut = 21610;
    public const int InvalidToNumber = 21211;
    public const int ToNumberNotSmsCapable = 21614;
    public const int PhoneNumberAlreadyInService = 21710;

    public HttpStatusCode Status { get; } = status;

    /// <summary>Twilio's error code, when the body had one.</summary>
    public int? Code { get; } = code;

    /// <summary>Twilio's own sentence; it never contains credentials.</summary>
    public string TwilioMessage { get; } = twilioMessage;

    public string? MoreInfo { get; } = moreInfo;

    /// <summary>Trying again later may work: rate limiting or Twilio being down.</summary>
    public bool IsTransient => Status == HttpStatusCode.TooManyRequests || (int)Status >= 500 || Code == TooManyRequests;

    public bool IsAuthenticationFailure => Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || Code == Unauthenticated;

    public bool IsNotFound => Status == HttpStatusCode.NotFound;
}
