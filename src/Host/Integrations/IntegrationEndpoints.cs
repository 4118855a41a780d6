using Microsoft.AspNetCore.Http.HttpResults;
using ServicePro.Abstractions.Integrations;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Integrations;

public sealed record SaveIntegrationRequest([TextMap(30)] Dictionary<string, string?>? Values);

public sealed record IntegrationTestResponse(bool Succeeded, string Summary, IntegrationView Integration);

/// <summary>The business's own credentials for outside services: write-only secrets, a real test, a plain answer.</summary>
public static class IntegrationEndpoints
{
    public static RouteGroupBuilder MapIntegrationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/integrations").WithTags("Integrations").RequireAuthorization(Policies.TenantAdmin);
        group.MapGet("/", List).WithName("listIntegrations").WithSummary("Every service the business can connect, its fields (secrets masked) and its status.");
        group.MapGet("/{key}", Get).WithName("getIntegration").WithSummary("One service's fields and status.");
        group.MapPut("/{key}", Save).WithName("saveIntegration")
            .WithSummary("Save the fields given (a blank secret keeps the stored one), then test the connection. Secrets are never returned.");
        group.MapPost("/{key}/test", Test).WithName("testIntegration").WithSummary("Test the stored credentials with a real call and record the outcome.");
        return group;
    }

    private static async Task<Ok<IReadOnlyList<IntegrationView>>> List(TenantIntegrations integrations, CancellationToken ct) =>
        TypedResults.Ok(await integrations.ListAsync(ct));

    private static async Task<Results<Ok<IntegrationView>, NotFoundProblem>> Get(string key, TenantIntegrations integrations, CancellationToken ct) =>
        integrations.Find(key) is { } provider
            ? TypedResults.Ok(await integrations.DescribeAsync(provider, ct))
            : Unknown(key);

    private static async Task<Results<Ok<IntegrationTestResponse>, ValidationProblem, NotFoundProblem>> Save(
        string key, SaveIntegrationRequest request, TenantIntegrations integrations, HttpContext http, CancellationToken ct)
    {
        if (integrations.Find(key) is not { } provider)
        {
            return Unknown(key);
        }

        var saved = await integrations.SaveAndTestAsync(provider, request.Values ?? [], ServiceProClaims.ActorOf(http.User), ct);
        if (saved.Errors.Count > 0)
        {
            return Problems.Invalid(saved.Errors);
        }

        var view = saved.View!;
        return TypedResults.Ok(new IntegrationTestResponse(view.Status == "active", view.LastSummary ?? "", view));
    }

    private static async Task<Results<Ok<IntegrationTestResponse>, NotFoundProblem>> Test(
        string key, TenantIntegrations integrations, HttpContext http, CancellationToken ct)
    {
        if (integrations.Find(key) is not { } provider)
        {
            return Unknown(key);
        }

        ConnectionTestResult result = await integrations.TestAsync(provider, ServiceProClaims.ActorOf(http.User), ct);
        return TypedResults.Ok(new IntegrationTestResponse(result.Succeeded, result.Summary, await integrations.DescribeAsync(provider, ct)));
    }

    private static NotFoundProblem Unknown(string key) => Problems.NotFound($"There is no integration '{key}'.");
}
