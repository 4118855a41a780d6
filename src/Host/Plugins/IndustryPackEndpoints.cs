using Microsoft.AspNetCore.Http.HttpResults;
using ServicePro.Abstractions;
using ServicePro.Host.Hosting;

namespace ServicePro.Host.Plugins;

public sealed record PackServiceDto(string Key, string Name, string Description, decimal PriceMin, decimal PriceMax, int DurationMinutes, int MaxDurationMinutes);

public sealed record IndustryPackDto(
    string Slug, string Name, string Version, string Description, string Icon, string Source,
    IReadOnlyList<PackServiceDto> Services, IReadOnlyList<IntakeField> IntakeFields);

public static class IndustryPackEndpoints
{
    public static IEndpointRouteBuilder MapIndustryPackEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/industry-packs", List)
            .WithName("listIndustryPacks")
            .WithTags("Industry packs")
            .WithSummary("The loaded industry packs, with their default services and intake questions.")
            .RequireRateLimiting(RateLimiting.Public);
        return app;
    }

    private static Ok<IReadOnlyList<IndustryPackDto>> List(PluginCatalog catalog) =>
        TypedResults.Ok<IReadOnlyList<IndustryPackDto>>(catalog.Plugins
            .Where(p => p.IndustryPack is not null)
            .Select(p => ToDto(p, p.IndustryPack!))
            .ToList());

    private static IndustryPackDto ToDto(PluginDescriptor plugin, IIndustryPack pack) => new(
        pack.Slug, pack.Name, plugin.Version, pack.Description, pack.Icon, plugin.Source,
        pack.DefaultServices.Select(s => new PackServiceDto(s.Key, s.Name, s.Description, s.PriceMin, s.PriceMax, s.DurationMinutes, s.MaxDurationMinutes)).ToList(),
        pack.IntakeFields);
}
