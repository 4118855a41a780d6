namespace ServicePro.Tests.Fakes;

/// <summary>
/// Every outside service the host talks to, faked on loopback ports, and the host configuration that
/// points the real provider plugins at them. Start once per test class (host fixture) and pass
/// <see cref="Configure"/> into the host's settings.
/// </summary>
public sealed class FakeProviders : IAsyncDisposable
{
    public FakeTwilio Twilio { get; private set; } = null!;
    public FakeStripe Stripe { get; private set; } = null!;
    public FakeOpenAI OpenAI { get; private set; } = null!;
    public FakeSendGrid SendGrid { get; private set; } = null!;
    public FakeGoogle Google { get; private set; } = null!;
    public FakeOpenMeteo OpenMeteo { get; private set; } = null!;

    public static async Task<FakeProviders> StartAsync()
    {
        var fakes = new FakeProviders
        {
            Twilio = await FakeService.StartAsync<FakeTwilio>(),
            Stripe = await FakeService.StartAsync<FakeStripe>(),
            OpenAI = await FakeService.StartAsync<FakeOpenAI>(),
            SendGrid = await FakeService.StartAsync<FakeSendGrid>(),
            Google = await FakeService.StartAsync<FakeGoogle>(),
            OpenMeteo = await FakeService.StartAsync<FakeOpenMeteo>(),
        };
        return fakes;
    }

    /// <summary>Endpoint overrides for every provider, fast retries, and short timeouts so hang tests finish quickly.</summary>
    public void Configure(Dictionary<string, string?> settings)
    {
        void Point(string provider, string endpoint, Uri address) =>
            settings[$"ServicePro:Integrations:Endpoints:{provider}:{endpoint}"] = address.ToString();

        foreach (var endpoint in new[] { "api", "lookups", "messaging" })
        {
            Point("twilio", endpoint, Twilio.BaseAddress);
        }

        Point("stripe", "api", Stripe.BaseAddress);
        Point("openai", "api", OpenAI.ApiBase);
        Point("sendgrid", "api", SendGrid.BaseAddress);
        Point("google", "oauth", Google.BaseAddress);
        Point("google", "calendar", Google.BaseAddress);
        Point("open_meteo", "api", OpenMeteo.BaseAddress);
        settings["ServicePro:Integrations:RetryDelaySeconds"] = "0.05";
        settings["ServicePro:Integrations:AttemptTimeoutSeconds"] = "5";
        settings["ServicePro:Integrations:TotalTimeoutSeconds"] = "15";
        settings["ServicePro:Integrations:A2pPollIntervalSeconds"] = "1";
        settings["ServicePro:Jobs:SchedulePollingSeconds"] = "1";
        settings["ServicePro:Jobs:InvisibilitySeconds"] = "15";
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var fake in new FakeService?[] { Twilio, Stripe, OpenAI, SendGrid, Google, OpenMeteo })
        {
            if (fake is not null)
            {
                await fake.DisposeAsync();
            }
        }
    }
}

/// <summary>The host, on its own database, with every provider pointed at local fakes.</summary>
public class FakedProvidersApp : Infrastructure.ServiceProApp
{
    protected override bool StartsFakeProviders => true;
}
