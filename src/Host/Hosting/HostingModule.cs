using System.Text.Json;
using System.Text.Json.Serialization;
using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Scalar.AspNetCore;
using ServicePro.Host.Hosting.OpenApi;

namespace ServicePro.Host.Hosting;

/// <summary>The host itself: Autofac, ProblemDetails, OpenAPI and its reference page, health checks and rate limits.</summary>
public sealed class HostingModule : HostModule
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
        builder.Services.AddMemoryCache();
        // Before AddProblemDetails: the first writer that accepts a request answers it, and people get pages.
        builder.Services.AddSingleton<IProblemDetailsWriter, ErrorPageWriter>();
        builder.Services.AddProblemDetails();
        // Development would otherwise throw on a body or parameter that doesn't bind (malformed JSON, wrong types,
        // a missing parameter) and answer 500; every environment answers 400 with a problem, as Production does.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        // Enums are words on the wire, as in the database ("yes_no", not 3), and the OpenAPI schema lists them.
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)));
        builder.Services.AddServiceProOpenApi();
        builder.Services.AddSingleton<StartupState>();
        builder.Services.AddHealthChecks().AddCheck<StartupState>("startup", tags: ["ready"]);
        builder.Services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddServiceProRateLimiting();
        builder.AddSecurityHeaders();
        builder.AddTransportSecurity();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        endpoints.MapScalarApiReference(o => o.WithTitle("ServicePro API").WithNonce().DisableDefaultFonts())
            .WithContentSecurityPolicy(ContentSecurityPolicy.ApiReference(ScalarOptions.NonceHttpContextItemKey));
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
    }
}
