using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServicePro.Host.Catalog;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Plugins;

/// <summary>The host with a partner folder holding a pack whose content breaks the rules and one whose estimator throws.</summary>
public sealed class PackSafetyApp : ServiceProApp
{
    public string PluginsPath { get; } = Path.Combine(Path.GetTempPath(), "sp-pack-safety-" + Guid.NewGuid().ToString("N"));

    /// <summary>Every error the host logged, as written.</summary>
    public ConcurrentQueue<string> LoggedErrors { get; } = new();

    public override async Task InitializeAsync()
    {
        foreach (var fixture in new[] { "ServicePro.Fixtures.BrokenContentPack", "ServicePro.Fixtures.FaultyEstimatorPack" })
        {
            var target = Directory.CreateDirectory(Path.Combine(PluginsPath, fixture)).FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.TestPlugins, fixture)))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }

        await base.InitializeAsync();
    }

    protected override void Configure(Dictionary<string, string?> settings) => settings["ServicePro:PluginsPath"] = PluginsPath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new CapturingLog(LoggedErrors)));
    }

    private sealed class CapturingLog(ConcurrentQueue<string> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                errors.Enqueue($"{formatter(state, exception)} {exception?.Message}");
            }
        }

        public void Dispose()
        {
        }
    }
}

public sealed class PackSafetyTests(PackSafetyApp app) : IClassFixture<PackSafetyApp>
{
    [Fact]
    public async Task A_pack_with_a_negative_buffer_and_a_bad_template_is_failed_with_every_reason_and_takes_no_tenant()
    {
        var plugin = await PluginAsync("broken_content");
        var packs = await app.Platform().GetFromJsonAsync<JsonElement[]>("/api/industry-packs");
        var create = await app.Operator().PostAsJsonAsync("/api/platform/tenants",
            new { slug = "broken-" + Guid.NewGuid().ToString("N")[..8], name = "Broken Gutters", industry = "broken_content" });

        Assert.Equal("failed", plugin.GetProperty("status").GetString());
        var problems = plugin.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains("The buffer between jobs must be 0 to 240 minutes (got -30).", problems);
        Assert.Contains(problems, p => p.StartsWith("The SMS template for 'booking_confirmation': The template has a mistake", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("The SMS template for 'reminder': The template uses {{ customer.nickname }}, which we can't fill in.", StringComparison.Ordinal));
        Assert.Contains("There is no SMS template for 'review_request'.", problems);
        Assert.Contains("Service 'Gutter Cleaning': the lowest price (300) is above the highest (100).", problems);
        Assert.Contains("Intake question 'stories': the key is used by another question; keys must be unique.", problems);
        Assert.Contains("Intake question 'stories': the smallest answer (3) is above the largest (1).", problems);
        Assert.Equal(7, problems.Count);
        Assert.Equal(string.Join(" ", problems), plugin.GetProperty("error").GetString());
        Assert.DoesNotContain(packs!, p => p.GetProperty("slug").GetString() == "broken_content");
        var refused = await create.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(refused.ErrorsFor("industry"));
    }

    [Fact]
    public async Task A_pack_estimator_that_throws_answers_a_clear_503_and_is_logged_and_counted_on_the_pack()
    {
        var tenant = await app.CreateTenantAsync("faulty_estimator");
        var service = (await tenant.Owner.GetFromJsonAsync<JsonElement[]>("/api/services"))!.Single();
        var id = service.GetProperty("id").GetGuid();
        var before = (await PluginAsync("faulty_estimator")).GetProperty("faultCount").GetInt64();

        var fine = await tenant.Owner.PostAsJsonAsync($"/api/services/{id}/estimate", new { answers = new { pool = "false" } });
        var estimate = await tenant.Owner.PostAsJsonAsync($"/api/services/{id}/estimate", new { answers = new { pool = "true" } });
        var from = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)).ToString("yyyy-MM-dd");
        var availability = await app.ForTenant(tenant.Slug).GetAsync(new Uri($"/api/availability?serviceId={id}&from={from}&to={from}&answers.pool=true", UriKind.Relative));

        fine.EnsureSuccessStatusCode();
        foreach (var response in new[] { estimate, availability })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(JobEstimator.PricingFailed, problem.GetProperty("detail").GetString());
        }

        var plugin = await PluginAsync("faulty_estimator");
        Assert.Equal("loaded", plugin.GetProperty("status").GetString());
        Assert.Equal(before + 2, plugin.GetProperty("faultCount").GetInt64());
        Assert.True(plugin.GetProperty("lastFaultAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Contains("No price list for pools yet", plugin.GetProperty("lastFault").GetString());
        Assert.Contains(app.LoggedErrors, e => e.Contains("Industry pack faulty_estimator failed in Estimate", StringComparison.Ordinal)
            && e.Contains("No price list for pools yet", StringComparison.Ordinal));
    }

    private async Task<JsonElement> PluginAsync(string id) =>
        (await app.Operator().GetFromJsonAsync<JsonElement[]>("/api/platform/plugins"))!.Single(p => p.GetProperty("id").GetString() == id);
}
