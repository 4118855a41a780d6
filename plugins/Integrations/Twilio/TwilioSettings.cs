using System.Text.RegularExpressions;
using ServicePro.Abstractions.Integrations;

namespace ServicePro.Integrations.Twilio;

/// <summary>
/// A tenant's Twilio values, read from the fields the onboarding form asked for. A class, not a record, so no
/// generated ToString can ever print the auth token into a log.
/// </summary>
internal sealed partial class TwilioSettings(
    string accountSid,
    string authToken,
    string phoneNumber,
    string? messagingServiceSid,
    string? customerProfileBundleSid,
    string? a2pProfileBundleSid)
{
    public const string AccountSidField = "account_sid";
    public const string AuthTokenField = "auth_token";
    public const string PhoneNumberField = "phone_number";
    public const string MessagingServiceSidField = "messaging_service_sid";
    public const string CustomerProfileBundleSidField = "customer_profile_bundle_sid";
    public const string A2pProfileBundleSidField = "a2p_profile_bundle_sid";

    public static IReadOnlyList<CredentialField> Fields { get; } =
    [
        new(AccountSidField, "Account SID", Secret: false,
            Help: "On your Twilio console's home page, under Account Info. Starts with AC.",
            Placeholder: "AC0123456789abcdef0123456789abcdef"),
        new(AuthTokenField, "Auth Token", Secret: true,
            Help: "Next to the Account SID in the Twilio console (click to reveal it). It is stored encrypted and never shown again."),
        new(PhoneNumberField, "Twilio phone number", Secret: false,
            Help: "The US number on your Twilio account that sends your texts, in international format.",
            Placeholder: "+19185550100"),
        new(MessagingServiceSidField, "Messaging Service SID", Secret: false, Required: false,
            Help: "Only if you already send through a Twilio Messaging Service (starts with MG). Leave empty and we create one when registering your texting."),
        new(CustomerProfileBundleSidField, "Customer profile (Trust Hub) SID", Secret: false, Required: false,
            Help: "Created in Twilio's Trust Hub: your approved business (Customer) Profile, starts with BU. Needed for A2P 10DLC registration, which US carriers require for business texting."),
        new(A2pProfileBundleSidField, "A2P messaging profile (Trust Hub) SID", Secret: false, Required: false,
            Help: "Created in Twilio's Trust Hub: the A2P Messaging Profile (trust product) for your business, starts with BU. Needed for A2P 10DLC registration."),
    ];

    public string AccountSid { get; } = accountSid;

    /// <summary>E.164, e.g. +19185550100.</summary>
    public string PhoneNumber { get; } = phoneNumber;

    public string? MessagingServiceSid { get; } = messagingServiceSid;

    public string? CustomerProfileBundleSid { get; } = customerProfileBundleSid;

    public string? A2pProfileBundleSid { get; } = a2pProfileBundleSid;

    public static TwilioSettings From(IReadOnlyDictionary<string, string> values) =>
        new(Required(values, AccountSidField),
            Required(values, AuthTokenField),
            Required(values, PhoneNumberField),
            Optional(values, MessagingServiceSidField),
            Optional(values, CustomerProfileBundleSidField),
            Optional(values, A2pProfileBundleSidField));

    public TwilioRestClient Client(IntegrationContext context) =>
        new(context.Http, TwilioEndpoints.From(context), AccountSid, authToken);

    /// <summary>Format checks only; no message repeats what was typed into the secret field.</summary>
    public static IReadOnlyList<FieldProblem> Validate(IReadOnlyDictionary<string, string> values)
    {
        var problems = new List<FieldProblem>();
        foreach (var field in Fields)
        {
            var value = Optional(values, field.Key);
            if (value is null)
            {
                if (field.Required)
                {
                    problems.Add(new(field.Key, $"Enter your {field.Label}."));
                }

                continue;
            }

            if (FormatProblem(field.Key, value) is { } message)
            {
                problems.Add(new(field.Key, message));
            }
        }

        return problems;
    }

    private static string? FormatProblem(string field, string value) => field switch
    {
        AccountSidField when !AccountSidPattern().IsMatch(value) =>
            "The Account SID is AC followed by 32 letters and digits; copy it from your Twilio console.",
        AuthTokenField when !HexToken().IsMatch(value) =>
            "The Auth Token is 32 letters and digits (0-9, a-f); copy it again from your Twilio console.",
        PhoneNumberField when !value.StartsWith('+') =>
            "Enter the number in international format, starting with +1, e.g. +19185550100.",
        PhoneNumberField when !UsNumber().IsMatch(value) =>
            "Enter a US phone number as + 1 and ten digits, e.g. +19185550100.",
        MessagingServiceSidField when !MessagingServiceSidPattern().IsMatch(value) =>
            "A Messaging Service SID is MG followed by 32 letters and digits.",
        CustomerProfileBundleSidField or A2pProfileBundleSidField when !BundleSidPattern().IsMatch(value) =>
            "A Trust Hub profile SID is BU followed by 32 letters and digits; copy it from Trust Hub in your Twilio console.",
        _ => null,
    };

    private static string Required(IReadOnlyDictionary<string, string> values, string field) =>
        Optional(values, field) ?? throw new InvalidOperationException($"The Twilio '{field}' value is not set.");

    // Pasted values often carry a stray space or newline; it is never part of a SID, token or number.
    private static string? Optional(IReadOnlyDictionary<string, string> values, string field) =>
        values.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex("^MG[0-9a-fA-F]{32}$")]
    private static partial Regex MessagingServiceSidPattern();

    [GeneratedRegex("^BU[0-9a-fA-F]{32}$")]
    private static partial Regex BundleSidPattern();

    [GeneratedRegex("^[0-9a-fA-F]{32}$")]
    private static partial Regex HexToken();

    // NANP: neither the area code nor the exchange starts with 0 or 1.
    [GeneratedRegex(@"^\+1[2-9][0-9]{2}[2-9][0-9]{6}$")]
    private static partial Regex UsNumber();
}
