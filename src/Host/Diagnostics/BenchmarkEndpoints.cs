using ServicePro.Abstractions;
using ServicePro.Host.Features;

namespace ServicePro.Host.Diagnostics;

/// <summary>
/// Two endpoints that return the same constant JSON, for bench/: one that does nothing, and one that also
/// needs the request's tenant and a flag evaluated for it. Their throughput ratio is the cost of tenancy on
/// every request. Mapped only when ServicePro:Benchmarks:Enabled is true.
/// </summary>
public static class BenchmarkEndpoints
{
    private static readonly object Payload = new { ok = true, service = "servicepro" };

    public static WebApplication MapBenchmarkEndpoints(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("ServicePro:Benchmarks:Enabled"))
        {
            return app;
        }

        app.MapGet("/bench/static", () => TypedResults.Ok(Payload)).ExcludeFromDescription();
        app.MapGet("/bench/tenant-flag", () => TypedResults.Ok(Payload))
            .RequireTenantFeature(FeatureFlags.WhiteLabel)
            .ExcludeFromDescription();
        return app;
    }
}
