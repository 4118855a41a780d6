using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Tests.Infrastructure;

public sealed record TestTenant(string Slug, string OwnerEmail, string OwnerPassword, HttpClient Owner);

/// <summary>
/// The real host on a fresh PostgreSQL database of its own, connecting as the application role
/// (row-level security applies) and migrating as the owner role.
/// </summary>
public class ServiceProApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OperatorApiKey = "test-operator-key-5f1c2a7e9b";
    public const string Password = "Correct-Horse-42";

    /// <summary>The test master key (version 1); a real deployment's comes from its own configuration.</summary>
    public const string MasterKeyV1 = "6b1f3c9a2e7d4a58b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5c6d";

    private Fakes.FakeProviders? _fakes;

    private bool _ownsDatabase;

    public TestDatabase Database { get; protected set; } = null!;

    /// <summary>Local fakes of every outside service, for hosts that start with them (<see cref="StartsFakeProviders"/>).</summary>
    public Fakes.FakeProviders Fakes => _fakes ?? throw new InvalidOperationException("This host runs without provider fakes.");

    /// <summary>Start the provider fakes first and point the host's integrations at them.</summary>
    protected virtual bool StartsFakeProviders => false;

    public virtual async Task InitializeAsync()
    {
        if (StartsFakeProviders)
        {
            _fakes = await ServicePro.Tests.Fakes.FakeProviders.StartAsync();
        }

        Database = await TestPostgres.CreateDatabaseAsync();
        _ownsDatabase = true;
        _ = Services; // starts the host: migrations, plugin registry, ROOT
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Database is not null)
        {
            // Npgsql keeps a stopped host's idle connections for minutes; dozens of hosts per run would fill the
            // server's connection slots long before then.
            await TestPostgres.ReleaseAsync(Database, [AppConnectionString, .. DatabaseConnections.PoolsFor(AppConnectionString)], drop: _ownsDatabase);
        }

        if (_fakes is not null)
        {
            await _fakes.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Settings on top of the test defaults; override to change the host's configuration.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    protected virtual string AppConnectionString => Database.AppConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(new ServerErrorLog(Database.Name)));
        var settings = new Dictionary<string, string?>
        {
            ["ServicePro:Database:Provider"] = "Postgres",
            ["ConnectionStrings:ServicePro"] = AppConnectionString,
            ["ConnectionStrings:ServiceProMigrations"] = Database.OwnerConnectionString,
            ["ServicePro:Operator:ApiKey"] = OperatorApiKey,
            ["ServicePro:Secrets:Keys:1"] = MasterKeyV1,
            ["ServicePro:RateLimits:PublicPerMinute"] = "100000",
            ["ServicePro:RateLimits:SignInPerMinute"] = "100000",

            // Sweeps run when a test calls them, not on a clock.
            ["ServicePro:Jobs:RecurringEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        _fakes?.Configure(settings);
        Configure(settings);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
    }

    /// <summary>A client on the platform's own address (no tenant).</summary>
    public HttpClient Platform() => ClientFor("localhost");

    /// <summary>A client authenticated with the operator API key.</summary>
    public HttpClient Operator()
    {
        var client = Platform();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorApiKey);
        return client;
    }

    /// <summary>A client on a tenant's subdomain, not signed in.</summary>
    public HttpClient ForTenant(string slug) => ClientFor($"{slug}.servicepro.localhost");

    /// <summary>A client whose requests carry <paramref name="host"/> as their Host, wherever the server listens.</summary>
    public virtual HttpClient ClientFor(string host) =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}/") });

    public async Task<HttpClient> SignedInAsync(string slug, string email, string password = Password)
    {
        var client = ForTenant(slug);
        var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { email, password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    /// <summary>Creates a tenant through the platform API with an owner, and signs the owner in.</summary>
    public async Task<TestTenant> CreateTenantAsync(string pack = "lawn_care", string? slug = null)
    {
        slug ??= "t-" + Guid.NewGuid().ToString("N")[..10];
        var email = $"owner@{slug}.example.com";
        var response = await Operator().PostAsJsonAsync("/api/platform/tenants", new
        {
            slug,
            name = $"Tenant {slug}",
            brandName = $"Brand {slug}",
            industry = pack,
            owner = new { email, password = Password },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return new TestTenant(slug, email, Password, await SignedInAsync(slug, email));
    }

    /// <summary>Adds a person with a role at a tenant through the platform API.</summary>
    public async Task<string> AddStaffAsync(string slug, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.com";
        var response = await Operator().PostAsJsonAsync($"/api/platform/tenants/{slug}/staff", new { email, password = Password, role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return email;
    }

    /// <summary>Runs code against the database as the application would for <paramref name="slug"/> (null: no tenant).</summary>
    public async Task<T> InTenantAsync<T>(string? slug, Func<ServiceProDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        if (slug is not null)
        {
            var tenant = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().FindBySlugAsync(slug)
                ?? throw new InvalidOperationException($"No tenant {slug}");
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        }

        return await action(scope.ServiceProvider.GetRequiredService<ServiceProDbContext>());
    }
}
