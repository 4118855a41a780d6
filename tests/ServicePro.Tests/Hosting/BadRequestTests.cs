using System.Net;
using System.Text;
using Npgsql;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Hosting;

/// <summary>
/// What `dotnet run` (Development) answers to requests that don't bind: the same 400 problem as Production, never the
/// 500 the framework's Development default gives.
/// </summary>
public sealed class BadRequestTests(DevelopmentApp app) : IClassFixture<DevelopmentApp>
{
    public static TheoryData<string> BadSignUpBodies => new()
    {
        "{\"businessName\": ",
        "not json at all",
        "{\"businessName\": 5, \"email\": [1, 2]}",
        "{\"businessName\": \"Acme\", \"email\": {\"nested\": true}}",
        "[]",
    };

    [Theory]
    [MemberData(nameof(BadSignUpBodies))]
    public async Task A_body_that_does_not_bind_answers_400_with_a_problem_in_Development(string body)
    {
        using var client = app.CreateClient();
        var tenantsBefore = await CountTenantsAsync();

        var response = await client.PostAsync("/api/signup", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(tenantsBefore, await CountTenantsAsync());
    }

    [Theory]
    [InlineData("/t/root/api/availability")]
    [InlineData("/t/root/api/availability?serviceId=not-a-guid&from=2026-12-01&to=2026-12-02")]
    [InlineData("/t/root/api/availability?serviceId=0195a4b2-0000-7000-8000-000000000000&from=yesterday&to=2026-12-02")]
    public async Task A_missing_or_malformed_parameter_answers_400_with_a_problem_in_Development(string path)
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<long> CountTenantsAsync()
    {
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM tenants", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
