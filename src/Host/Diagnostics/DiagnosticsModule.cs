using ServicePro.Host.Hosting;

namespace ServicePro.Host.Diagnostics;

/// <summary>The benchmarks' baselines, mapped only when <c>ServicePro:Benchmarks:Enabled</c> is true (bench/README.md).</summary>
public sealed class DiagnosticsModule : HostModule
{
    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapBenchmarkEndpoints();
}
