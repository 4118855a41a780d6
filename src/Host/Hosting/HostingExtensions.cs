using Autofac;
using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Hosting;

public static class HostingExtensions
{
    /// <summary>Configuration, Autofac, ProblemDetails, OpenAPI, health checks and rate limits.</summary>
    public static WebApplicationBuilder AddServiceProHosting(this WebApplicationBuilder builder)
    {
        builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
        builder.Services.AddOptions<ServiceProOptions>().BindConfiguration(ServiceProOptions.Section);
        builder.Services.AddMemoryCache();
        // Before AddProblemDetails: the first writer that accepts a request answers it, and people get pages.
        builder.Services.AddSingleton<IProblemDetailsWriter, ErrorPageWriter>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<UniqueViolationHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton<StartupState>();
        builder.Services.AddHealthChecks()
            .AddCheck<StartupState>("startup", tags: ["ready"])
            .AddDbContextCheck<ServiceProDbContext>("database", tags: ["ready"]);
        builder.Services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        builder.AddServiceProRateLimiting();
        builder.AddSecurityHeaders();
        builder.AddTransportSecurity();
        return builder;
    }

    /// <summary>Registers a capability's Autofac module; capabilities own their registrations.</summary>
    public static WebApplicationBuilder AddModule<TModule>(this WebApplicationBuilder builder)
        where TModule : Autofac.Module, new()
    {
        builder.Host.ConfigureContainer<ContainerBuilder>(c => c.RegisterModule<TModule>());
        return builder;
    }

    public static WebApplication UseServiceProPipeline(this WebApplication app)
    {
        app.UseTransportSecurity();
        app.UseSecurityHeaders();
        app.UseHttpsOnly();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<Tenancy.TenantResolutionMiddleware>();
        // Routing runs after resolution so that a /t/{slug}/ prefix is already moved into PathBase.
        app.UseRouting();
        app.UseRateLimiter();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<Features.TenantFeatureGateMiddleware>();
        return app;
    }

    public static WebApplication MapServiceProDocs(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("ServicePro API").WithNonce().DisableDefaultFonts())
            .WithContentSecurityPolicy(ContentSecurityPolicy.ApiReference(ScalarOptions.NonceHttpContextItemKey));
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        return app;
    }
}
