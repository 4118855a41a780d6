using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ServicePro.Host.Persistence;
using ServicePro.Tests.Infrastructure;

namespace ServicePro.Tests.Persistence;

/// <summary>
/// Behind the checks at the edge: input PostgreSQL refuses to store (a NUL, a number too big for its column), should any path let it through, answers a 400
/// problem rather than a 500.
/// </summary>
public sealed class UnstorableInputTests(ServiceProApp app) : IClassFixture<ServiceProApp>
{
    [Theory]
    [InlineData("SELECT @value::text", "with a NUL \u0000 inside")]
    [InlineData("SELECT @value::numeric(3, 0)", "12345")]
    public async Task Input_the_database_refuses_answers_400_with_a_problem(string sql, string value)
    {
        var refused = await RefusalFromPostgresAsync(sql, value);
        await using var scope = app.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<IExceptionHandler>().OfType<UnstorableInputHandler>().Single();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Path = "/api/customers";
        http.Response.Body = new MemoryStream();

        var handled = await handler.TryHandleAsync(http, new InvalidOperationException("wrapped", refused), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status400BadRequest, http.Response.StatusCode);
        http.Response.Body.Position = 0;
        var problem = await JsonSerializer.DeserializeAsync<JsonElement>(http.Response.Body);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("22", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_database_failures_are_left_to_the_500_they_are()
    {
        var other = await RefusalFromPostgresAsync("SELECT 1 / @value::int", "0");
        await using var scope = app.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<IExceptionHandler>().OfType<UnstorableInputHandler>().Single();

        Assert.False(await handler.TryHandleAsync(new DefaultHttpContext { RequestServices = scope.ServiceProvider }, other, CancellationToken.None));
    }

    /// <summary>The real exception PostgreSQL gives for <paramref name="sql"/> with <paramref name="value"/>.</summary>
    private async Task<Exception> RefusalFromPostgresAsync(string sql, string value)
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("value", value);
        return await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteScalarAsync());
    }
}
