using System.Diagnostics;
using ServicePro.Abstractions.Integrations;
using ServicePro.Tests.Fakes;

namespace ServicePro.Tests.Integrations;

/// <summary>The Google Calendar plugin, loaded as the host loads it, against a local Google fake.</summary>
public sealed class GoogleProviderTests : IAsyncLifetime
{
    private const string TeamCalendar = "c_8f3k2m9q1v7x4z6b0n5p@group.calendar.google.com";

    private readonly IIntegrationProvider _provider = ProviderHarness.Load("ServicePro.Integrations.Google");
    private FakeGoogle _google = null!;

    private static Dictionary<string, string> Values(string? calendarId = null)
    {
        var values = new Dictionary<string, string>
        {
            ["client_id"] = FakeGoogle.DefaultClientId,
            ["client_secret"] = FakeGoogle.DefaultClientSecret,
            ["refresh_token"] = FakeGoogle.DefaultRefreshToken,
        };
        if (calendarId is not null)
        {
            values["calendar_id"] = calendarId;
        }

        return values;
    }

    public async Task InitializeAsync() => _google = await FakeService.StartAsync<FakeGoogle>();

    public async Task DisposeAsync() => await _google.DisposeAsync();

    [Fact]
    public void Describes_its_fields_and_endpoints()
    {
        Assert.Equal("google", _provider.Key);
        Assert.Equal(["client_id", "client_secret", "refresh_token", "calendar_id"], _provider.Fields.Select(f => f.Key));
        Assert.Equal([false, true, true, false], _provider.Fields.Select(f => f.Secret));
        Assert.False(_provider.Fields.Single(f => f.Key == "calendar_id").Required);
        Assert.Equal(new Uri("https://oauth2.googleapis.com/"), _provider.Endpoints["oauth"]);
        Assert.Equal(new Uri("https://www.googleapis.com/"), _provider.Endpoints["calendar"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("primary")]
    [InlineData(TeamCalendar)]
    public void Real_shaped_values_pass_validation(string? calendarId) =>
        Assert.Empty(_provider.Validate(Values(calendarId)));

    [Theory]
    [InlineData("client_id", "417263059481-h2m8q3v7c1k9s0d4f6g5j8p2r7t1w3xz")]
    [InlineData("client_id", "417263059481-h2m8.apps.googleusercontent.com.example.net")]
    [InlineData("client_secret", "GOCSPX-4fKq9Zr2 LmV8xWc1TnB7yHd3JsPa")]
    [InlineData("refresh_token", "")]
    [InlineData("refresh_token", "ya29.a0AfB_byC3kLmN0pQrStUvWxYz")]
    [InlineData("calendar_id", "Detailing jobs")]
    public void A_malformed_value_is_refused_without_echoing_it(string field, string value)
    {
        var values = Values();
        values[field] = value;

        var problem = Assert.Single(_provider.Validate(values));

        Assert.Equal(field, problem.Field);
        if (value.Length > 0)
        {
            Assert.DoesNotContain(value, problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_valid_refresh_token_reaches_the_primary_calendar()
    {
        var result = await _provider.TestConnectionAsync(ProviderHarness.Context(_provider, _google, Values()), CancellationToken.None);

        Assert.True(result.Succeeded, result.Summary);
        Assert.Equal("Connected to Google Calendar: bookings will go on \"owner@shinywheels.example\" (America/Chicago).", result.Summary);
        Assert.Equal("owner@shinywheels.example", result.Findings["calendar_summary"]);
        Assert.Equal("America/Chicago", result.Findings["calendar_time_zone"]);
        Assert.Equal("owner", result.Findings["access_role"]);

        var token = Assert.Single(_google.RequestsTo("/token"));
        Assert.Equal("POST", token.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", token.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("grant_type=refresh_token", token.Body, StringComparison.Ordinal);
        Assert.Contains("client_id=" + Uri.EscapeDataString(FakeGoogle.DefaultClientId), token.Body, StringComparison.Ordinal);
        Assert.Contains("refresh_token=" + Uri.EscapeDataString(FakeGoogle.DefaultRefreshToken), token.Body, StringComparison.Ordinal);

        var calendar = Assert.Single(_google.RequestsTo("/calendar/v3/calendars/"));
        Assert.Equal("/calendar/v3/calendars/primary", calendar.Path);
        Assert.StartsWith("Bearer ya29.", calendar.Authorization, StringComparison.Ordinal);
        Assert.Single(_google.RequestsTo("/calendar/v3/users/me/calendarList/primary"));

        AssertRevealsNothing(result, FakeGoogle.DefaultClientSecret, FakeGoogle.DefaultRefreshToken, calendar.Authorization!["Bearer ".Length..]);
    }

    [Fact]
    public async Task A_shared_calendar_the_account_may_write_to_connects()
    {
        _google.AccessRole = "writer";

        var result = await _provider.TestConnectionAsync(ProviderHarness.Context(_provider, _google, Values(TeamCalendar)), CancellationToken.None);

        Assert.True(result.Succeeded, result.Summary);
        Assert.Equal("Detailing jobs", result.Findings["calendar_summary"]);
        Assert.Equal("writer", result.Findings["access_role"]);
        Assert.Equal(TeamCalendar, result.Findings["calendar_id"]);
        Assert.Single(_google.RequestsTo("/calendar/v3/calendars/" + TeamCalendar));
    }

    [Theory]
    [InlineData("reader")]
    [InlineData("freeBusyReader")]
    public async Task A_calendar_the_account_can_only_read_is_refused(string role)
    {
        _google.Calendars = [new(TeamCalendar, "Detailing jobs", "America/Chicago", AccessRole: role)];

        var result = await _provider.TestConnectionAsync(ProviderHarness.Context(_provider, _google, Values(TeamCalendar)), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Google Calendar can see \"Detailing jobs\" but not add events to it", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_refresh_token_asks_to_connect_again()
    {
        _google.RevokeRefreshToken();

        var result = await _provider.TestConnectionAsync(ProviderHarness.Context(_provider, _google, Values()), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("Google no longer accepts that refresh token (it was revoked or expired); connect Google again.", result.Summary);
        AssertRevealsNothing(result, FakeGoogle.DefaultClientSecret, FakeGoogle.DefaultRefreshToken);
    }

    [Theory]
    [InlineData("client_id", "999999999999-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz.apps.googleusercontent.com")]
    [InlineData("client_secret", "GOCSPX-wrongwrongwrongwrongwrong")]
    public async Task A_wrong_client_id_or_secret_is_rejected(string field, string value)
    {
        var values = Values();
        values[field] = value;

        var result = await _provider.TestConnectionAsync(ProviderHarness.Context(_provider, _google, values), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Google rejected the client ID or secret", result.Summary, StringComparison.Ordinal);
        AssertRevealsNothing(result, value, FakeGoogle.DefaultClientSecret, FakeGoogle.DefaultRefreshToken);
    }

    [Fact]
    public async Task A_grant_without_calendar_access_asks_to_allow_it()
    {
        _google.GrantedScope = "openid https://www.googleapis.com/auth/userinfo.email";

        var result = await _provider.TestConnectionAsync(ProviderHarness.Context(_provider, _google, Values()), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("allow access to your calendar", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_calendar_id_is_named_as_not_found()
    {
        const string missing = "c_nothere@group.calendar.google.com";

        var result = await _provider.TestConnectionAsync(ProviderHarness.Context(_provider, _google, Values(missing)), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith($"Google Calendar has no calendar \"{missing}\"", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_calendar_missing_from_the_calendar_list_cannot_be_checked_for_write_access()
    {
        _google.Calendars = [new(TeamCalendar, "Detailing jobs", "America/Chicago", InCalendarList: false)];

        var result = await _provider.TestConnectionAsync(ProviderHarness.Context(_provider, _google, Values(TeamCalendar)), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("isn't in this account's calendar list", result.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_busy_or_failing_google_asks_to_try_again(int status)
    {
        _google.FailNext(status);

        var result = await _provider.TestConnectionAsync(ProviderHarness.Context(_provider, _google, Values()), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("try again in a few minutes", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hanging_google_gives_up_within_the_clients_timeout()
    {
        _google.HangNext();
        var context = ProviderHarness.Context(_provider, _google, Values(), timeout: TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _provider.TestConnectionAsync(context, CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    private static void AssertRevealsNothing(ConnectionTestResult result, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, result.Summary, StringComparison.Ordinal);
            Assert.All(result.Findings, f => Assert.DoesNotContain(secret, f.Key + f.Value, StringComparison.Ordinal));
        }
    }
}
