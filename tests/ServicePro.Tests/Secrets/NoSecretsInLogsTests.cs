using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServicePro.Tests.Fakes;
using ServicePro.Tests.Onboarding;
using static ServicePro.Tests.Onboarding.OnboardingFlow;

namespace ServicePro.Tests.Secrets;

/// <summary>The host with every log category at Trace, every entry captured with its exception and state.</summary>
public sealed class LogCapturingApp : FakedProvidersApp
{
    public ConcurrentQueue<string> Entries { get; } = new();

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Logging:LogLevel:Default"] = "Trace";
        settings["Logging:LogLevel:Microsoft"] = "Trace";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(Entries)));
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> entries) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, entries);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            entries.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} | {values} | {exception}");
        }
    }
}

public sealed class NoSecretsInLogsTests(LogCapturingApp app) : IClassFixture<LogCapturingApp>
{
    [Fact]
    public async Task A_full_onboarding_run_with_failures_along_the_way_logs_no_secret_anywhere()
    {
        var fakes = app.Fakes;
        var tenant = await app.CreateTenantAsync("auto_detail");
        var owner = tenant.Owner;
        (await owner.PutAsJsonAsync("/api/onboarding/business-basics", Basics())).EnsureSuccessStatusCode();

        // Failures first: a rejected token, a malformed key, a timeout, a busy service.
        await SaveIntegrationAsync(owner, "twilio", Twilio(token: "ffffeeeeddddccccbbbbaaaa99998888"));
        await owner.PutAsJsonAsync("/api/integrations/stripe", new { values = new Dictionary<string, string?> { ["secret_key"] = "sk_test_not-a-real-one-but-secret" } });
        fakes.Google.HangNext();
        await SaveIntegrationAsync(owner, "google", Google());
        fakes.OpenAI.FailNext(500, times: 10);
        await SaveIntegrationAsync(owner, "openai", OpenAI());
        fakes.OpenAI.ClearFaults();

        Assert.True((await SaveIntegrationAsync(owner, "twilio", Twilio())).GetProperty("succeeded").GetBoolean());
        Assert.Equal(HttpStatusCode.Accepted, (await owner.PostAsync(new Uri("/api/onboarding/a2p/submit", UriKind.Relative), null)).StatusCode);
        await OnboardingFlow.WaitForAsync(owner, "/api/onboarding/a2p", _ => !fakes.Twilio.Brands.IsEmpty);
        fakes.Twilio.ApproveBrand(fakes.Twilio.Brands.Keys.Single());
        await OnboardingFlow.WaitForAsync(owner, "/api/onboarding/a2p", _ => !fakes.Twilio.Campaigns.IsEmpty);
        fakes.Twilio.VerifyCampaign(fakes.Twilio.Campaigns.Keys.Single());
        await OnboardingFlow.WaitForAsync(owner, "/api/onboarding/a2p", s => s.GetProperty("status").GetString() == "approved");
        Assert.True((await SaveIntegrationAsync(owner, "google", Google())).GetProperty("succeeded").GetBoolean());
        Assert.True((await SaveIntegrationAsync(owner, "stripe", Stripe())).GetProperty("succeeded").GetBoolean());
        Assert.True((await SaveIntegrationAsync(owner, "openai", OpenAI())).GetProperty("succeeded").GetBoolean());
        Assert.True((await SaveIntegrationAsync(owner, "sendgrid", SendGrid())).GetProperty("succeeded").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync(new Uri("/api/onboarding/go-live", UriKind.Relative), null)).StatusCode);

        var log = string.Join('\n', app.Entries);
        Assert.True(app.Entries.Count > 200, $"only {app.Entries.Count} log entries were captured: is logging at Trace?");
        foreach (var secret in OnboardingFlow.Secrets.Append("ffffeeeeddddccccbbbbaaaa99998888").Append("sk_test_not-a-real-one-but-secret"))
        {
            Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
            // Nor any telling part of it (a log that prints a key minus its prefix still leaks it).
            Assert.DoesNotContain(secret[^16..], log, StringComparison.Ordinal);
        }
    }
}
