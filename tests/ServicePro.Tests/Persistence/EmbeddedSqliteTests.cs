using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServicePro.Host.Catalog;
using ServicePro.Host.Persistence;
using ServicePro.Host.Technicians;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Persistence;

/// <summary>The host exactly as `dotnet run` starts it on a bare machine: SQLite, migrated at start-up, ROOT seeded.</summary>
public sealed class EmbeddedApp : WebApplicationFactory<Program>
{
    public string DatabaseFile { get; } = Path.Combine(Path.GetTempPath(), $"sp-embedded-{Guid.NewGuid():N}.db");

    public string KeyFile { get; } = Path.Combine(Path.GetTempPath(), $"sp-embedded-{Guid.NewGuid():N}", "master-key-v1.hex");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ServicePro"] = $"Data Source={DatabaseFile}",
            ["ServicePro:Secrets:LocalKeyFile"] = KeyFile,
            ["ServicePro:Operator:ApiKey"] = ServiceProApp.OperatorApiKey,
            ["Logging:LogLevel:Default"] = "Warning",
        }));
    }
}

public sealed class EmbeddedSqliteTests(EmbeddedApp app) : IClassFixture<EmbeddedApp>
{
    [Fact]
    public async Task The_embedded_default_starts_migrated_with_ROOT_seeded_and_serves_tenants()
    {
        var client = app.CreateClient(new() { BaseAddress = new Uri("http://localhost/") });

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        Assert.Equal(64, (await File.ReadAllTextAsync(app.KeyFile)).Trim().Length); // the generated local master key
        var root = await client.GetFromJsonAsync<JsonElement>("/t/root/api/tenant");
        Assert.Equal("Clean Machine Auto Detail", root.GetProperty("name").GetString());

        var operatorClient = app.CreateClient();
        operatorClient.DefaultRequestHeaders.Authorization = new("Bearer", ServiceProApp.OperatorApiKey);
        var created = await operatorClient.PostAsJsonAsync("/api/platform/tenants", new
        {
            slug = "sparkle",
            name = "Sparkle Cleaning",
            industry = "house_cleaning",
            owner = new { email = "owner@sparkle.example.com", password = ServiceProApp.Password },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var owner = app.CreateClient(new() { BaseAddress = new Uri("http://sparkle.servicepro.localhost/") });
        (await owner.PostAsJsonAsync("/api/auth/sign-in", new { email = "owner@sparkle.example.com", password = ServiceProApp.Password })).EnsureSuccessStatusCode();
        var services = await owner.GetFromJsonAsync<JsonElement[]>("/api/services");
        Assert.Contains(services!, s => s.GetProperty("name").GetString() == "Move-In/Out");
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement[]>("/api/customers"))!);
    }

    [Fact]
    public async Task Both_providers_migrations_match_the_model()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sqlite = scope.ServiceProvider.GetRequiredService<SqliteServiceProDbContext>();
        var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite migrations are behind the model: add a migration");
        Assert.False(postgres.Database.HasPendingModelChanges(), "PostgreSQL migrations are behind the model: add a migration");
        Assert.Empty(await sqlite.Database.GetPendingMigrationsAsync());
    }
    [Fact]
    public async Task The_embedded_database_books_jobs_and_refuses_a_second_booking_of_the_same_time()
    {
        var operatorClient = app.CreateClient();
        operatorClient.DefaultRequestHeaders.Authorization = new("Bearer", ServiceProApp.OperatorApiKey);
        (await operatorClient.PostAsJsonAsync("/api/platform/tenants", new
        {
            slug = "shine",
            name = "Shine Detailing",
            industry = "auto_detail",
            owner = new { email = "owner@shine.example.com", password = ServiceProApp.Password },
        })).EnsureSuccessStatusCode();
        var owner = app.CreateClient(new() { BaseAddress = new Uri("http://shine.servicepro.localhost/") });
        (await owner.PostAsJsonAsync("/api/auth/sign-in", new { email = "owner@shine.example.com", password = ServiceProApp.Password })).EnsureSuccessStatusCode();
        var customer = await (await owner.PostAsJsonAsync("/api/customers", new { name = "Lee", phone = "+19185550100" })).Content.ReadFromJsonAsync<JsonElement>();

        Guid serviceId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var tenant = await scope.ServiceProvider.GetRequiredService<ServicePro.Host.Tenancy.TenantDirectory>().FindBySlugAsync("shine");
            scope.ServiceProvider.GetRequiredService<ServicePro.Host.Tenancy.TenantContext>().Set(tenant!);
            var db = scope.ServiceProvider.GetRequiredService<ServiceProDbContext>();
            var technician = new ServicePro.Host.Technicians.Technician { Id = Guid.CreateVersion7(), Name = "Sam" };
            db.Technicians.Add(technician);
            foreach (var weekday in Enum.GetValues<DayOfWeek>())
            {
                db.TechnicianShifts.Add(new() { Id = Guid.CreateVersion7(), TechnicianId = technician.Id, Weekday = weekday, Start = new(8, 0), End = new(18, 0) });
            }

            serviceId = (await db.Services.OrderBy(s => s.SortOrder).FirstAsync()).Id;
            await db.SaveChangesAsync();
        }

        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        var open = await owner.GetFromJsonAsync<JsonElement>($"/api/availability?serviceId={serviceId}&from={day:yyyy-MM-dd}&to={day.AddDays(6):yyyy-MM-dd}");
        var first = open.GetProperty("slots")[0].GetProperty("startsAt").GetDateTimeOffset();
        var body = new { customerId = customer.GetProperty("id").GetGuid(), serviceId, startsAt = first };

        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync("/api/bookings", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsJsonAsync("/api/bookings", body)).StatusCode);
        var after = await owner.GetFromJsonAsync<JsonElement>($"/api/availability?serviceId={serviceId}&from={day:yyyy-MM-dd}&to={day.AddDays(6):yyyy-MM-dd}");
        Assert.NotEqual(first, after.GetProperty("slots")[0].GetProperty("startsAt").GetDateTimeOffset());
    }
}
