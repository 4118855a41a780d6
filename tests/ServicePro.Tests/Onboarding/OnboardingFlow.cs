using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ServicePro.Tests.Fakes;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Onboarding;

/// <summary>The requests a business owner's wizard makes, with the values the local fakes accept.</summary>
public static class OnboardingFlow
{
    public const string CustomerProfileBundle = "BU0123456789abcdef0123456789abcdef";
    public const string A2pProfileBundle = "BUfedcba9876543210fedcba9876543210";

    public static object Basics(string brand = "Shiny Wheels Detailing") => new
    {
        brandName = brand,
        primaryColor = "#0E7490",
        secondaryColor = "#F59E0B",
        logoUrl = "https://cdn.shinywheels.example/logo.png",
        email = "owner@shinywheels.example",
        phone = "(918) 555-0100",
        address = "12 Main St, Tulsa, OK",
        timezone = "America/Chicago",
        serviceArea = new { latitude = 36.1539, longitude = -95.9928, radiusMiles = 30 },
        businessHours = new Dictionary<string, object>
        {
            ["monday"] = new { start = "08:00", end = "17:00", closed = false },
            ["tuesday"] = new { start = "08:00", end = "17:00", closed = false },
            ["wednesday"] = new { start = "08:00", end = "17:00", closed = false },
            ["thursday"] = new { start = "08:00", end = "17:00", closed = false },
            ["friday"] = new { start = "08:00", end = "16:00", closed = false },
            ["saturday"] = new { start = "09:00", end = "13:00", closed = false },
            ["sunday"] = new { start = "00:00", end = "00:00", closed = true },
        },
    };

    public static Dictionary<string, string?> Twilio(string token = FakeTwilio.AuthToken) => new()
    {
        ["account_sid"] = FakeTwilio.AccountSid,
        ["auth_token"] = token,
        ["phone_number"] = FakeTwilio.PhoneNumber,
        ["customer_profile_bundle_sid"] = CustomerProfileBundle,
        ["a2p_profile_bundle_sid"] = A2pProfileBundle,
    };

    public static Dictionary<string, string?> Google() => new()
    {
        ["client_id"] = FakeGoogle.DefaultClientId,
        ["client_secret"] = FakeGoogle.DefaultClientSecret,
        ["refresh_token"] = FakeGoogle.DefaultRefreshToken,
    };

    public static Dictionary<string, string?> Stripe() => new()
    {
        ["secret_key"] = FakeStripe.ValidSecretKey,
        ["publishable_key"] = FakeStripe.ValidPublishableKey,
        ["webhook_secret"] = FakeStripe.ValidWebhookSecret,
    };

    public static Dictionary<string, string?> OpenAI() => new() { ["api_key"] = FakeOpenAI.ValidApiKey };

    public static Dictionary<string, string?> SendGrid() => new()
    {
        ["api_key"] = FakeSendGrid.DefaultApiKey,
        ["from_email"] = FakeSendGrid.DefaultFromEmail,
        ["from_name"] = "Shiny Wheels",
    };

    /// <summary>Every secret value the flow types, to look for where none may appear.</summary>
    public static IReadOnlyList<string> Secrets { get; } =
    [
        FakeTwilio.AuthToken, FakeGoogle.DefaultClientSecret, FakeGoogle.DefaultRefreshToken, FakeStripe.ValidSecretKey,
        FakeStripe.ValidWebhookSecret, FakeOpenAI.ValidApiKey, FakeSendGrid.DefaultApiKey,
    ];

    public static async Task<JsonElement> SaveIntegrationAsync(HttpClient owner, string key, Dictionary<string, string?> values)
    {
        var response = await owner.PutAsJsonAsync($"/api/integrations/{key}", new { values });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls until <paramref name="done"/> holds or the time is up.</summary>
    public static Task<JsonElement> WaitForAsync(HttpClient client, string path, Func<JsonElement, bool> done, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(() => GetAsync(client, path), done, $"GET {path} did not reach the expected state", timeout ?? TimeSpan.FromSeconds(90));
}
