using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ServicePro.Abstractions;
using ServicePro.Host.Auditing;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Persistence;
using ServicePro.Host.Plugins;
using ServicePro.Host.Tenancy;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Catalog;

public sealed record ServiceDto(
    Guid Id, string Name, string Description, decimal PriceMin, decimal PriceMax, int DurationMinutes,
    int MaxDurationMinutes, bool IsOutdoor, bool IsActive)
{
    public static ServiceDto From(TenantService s) =>
        new(s.Id, s.Name, s.Description, s.PriceMin, s.PriceMax, s.DurationMinutes, s.MaxDurationMinutes, s.IsOutdoor, s.IsActive);
}

public sealed record UpdateServiceRequest(
    [Text(ContentLimits.MaxServiceNameLength)] string? Name, [Text(TextRules.Note, Multiline = true)] string? Description, decimal? PriceMin, decimal? PriceMax, int? DurationMinutes, int? MaxDurationMinutes, bool? IsActive, bool? IsOutdoor = null);

public sealed record CreateServiceRequest(
    [Text(ContentLimits.MaxServiceNameLength)] string? Name, [Text(TextRules.Note, Multiline = true)] string? Description,
    [Required(ErrorMessage = "Give the lowest price.")] decimal? PriceMin, [Required(ErrorMessage = "Give the highest price.")] decimal? PriceMax,
    [Required(ErrorMessage = "Give the typical duration in minutes.")] int? DurationMinutes, int? MaxDurationMinutes, bool IsOutdoor = false);

public sealed record EstimateRequest([TextMap(50)] Dictionary<string, string>? Answers);

public static class ServiceEndpoints
{
    public static RouteGroupBuilder MapServiceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/services").WithTags("Services").RequireAuthorization(Policies.TenantMember);
        group.MapGet("/", List).WithName("listServices").WithSummary("The business's services, in display order.");
        group.MapPost("/", Create).WithName("createService").RequireAuthorization(Policies.TenantAdmin).WithSummary("Add a service of the business's own (not from its industry pack).");
        group.MapPut("/{id:guid}", Update).WithName("updateService").RequireAuthorization(Policies.TenantAdmin).WithSummary("Edit a service's name, price range, duration or availability.");
        group.MapPost("/{id:guid}/estimate", Estimate).WithName("estimateJob").WithSummary("Price and time one job from the booking's intake answers, using the business's industry pack.");
        return group;
    }

    private static async Task<Ok<List<ServiceDto>>> List(ServiceProDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Services.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => ServiceDto.From(s)).ToListAsync(ct));

    private static async Task<Results<Ok<ServiceDto>, NotFoundProblem, ValidationProblem>> Update(
        Guid id, UpdateServiceRequest request, ServiceProDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var service = await db.Services.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (service is null)
        {
            return Problems.NotFound("There is no such service.");
        }

        var name = request.Name?.Trim() ?? service.Name;
        var priceMin = request.PriceMin ?? service.PriceMin;
        var priceMax = request.PriceMax ?? service.PriceMax;
        var duration = request.DurationMinutes ?? service.DurationMinutes;
        var maxDuration = request.MaxDurationMinutes ?? Math.Max(service.MaxDurationMinutes, duration);
        var errors = Validate(name, priceMin, priceMax, duration, maxDuration);
        if (errors.Count == 0 && name != service.Name && await db.Services.AnyAsync(s => s.Name == name, ct))
        {
            errors["name"] = [$"Another service is already called '{name}'."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        service.Name = name;
        service.Description = request.Description?.Trim() ?? service.Description;
        (service.PriceMin, service.PriceMax) = (priceMin, priceMax);
        (service.DurationMinutes, service.MaxDurationMinutes) = (duration, maxDuration);
        service.IsActive = request.IsActive ?? service.IsActive;
        service.IsOutdoor = request.IsOutdoor ?? service.IsOutdoor;
        service.UpdatedAt = clock.GetUtcNow();
        db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), "service.updated", "service", id.ToString()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ServiceDto.From(service));
    }

    private static async Task<Results<Created<ServiceDto>, ValidationProblem>> Create(
        CreateServiceRequest request, ServiceProDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var name = request.Name?.Trim() ?? "";
        // [Required] has refused a request without these before the handler runs.
        var (priceMin, priceMax, duration) = (request.PriceMin!.Value, request.PriceMax!.Value, request.DurationMinutes!.Value);
        var maxDuration = request.MaxDurationMinutes ?? duration;
        var errors = Validate(name, priceMin, priceMax, duration, maxDuration);
        if (errors.Count == 0 && await db.Services.AnyAsync(s => s.Name == name, ct))
        {
            errors["name"] = [$"Another service is already called '{name}'."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var service = new TenantService
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Description = request.Description?.Trim() ?? "",
            PriceMin = priceMin,
            PriceMax = priceMax,
            DurationMinutes = duration,
            MaxDurationMinutes = maxDuration,
            IsOutdoor = request.IsOutdoor,
            SortOrder = await db.Services.Select(s => (int?)s.SortOrder).MaxAsync(ct) + 1 ?? 0,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Services.Add(service);
        db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), "service.created", "service", service.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{http.Request.PathBase}/api/services/{service.Id}", ServiceDto.From(service));
    }

    private static Dictionary<string, string[]> Validate(string name, decimal priceMin, decimal priceMax, int duration, int maxDuration)
    {
        var errors = new Dictionary<string, string[]>();
        if (name.Length is 0 or > ContentLimits.MaxServiceNameLength)
        {
            errors["name"] = [$"A name of up to {ContentLimits.MaxServiceNameLength} characters is required."];
        }

        if (priceMin < 0 || priceMax < priceMin || priceMax > ContentLimits.MaxPrice)
        {
            errors["priceMin"] = ["Prices must be between 0 and 1,000,000, with the minimum not above the maximum."];
        }

        if (duration is < ContentLimits.MinDurationMinutes or > ContentLimits.MaxDurationMinutes
            || maxDuration < duration || maxDuration > ContentLimits.MaxDurationMinutes)
        {
            errors["durationMinutes"] = ["Durations are 5 minutes to 24 hours, with the typical one not above the longest."];
        }

        return errors;
    }

    private static async Task<Results<Ok<JobEstimate>, NotFoundProblem, UnavailableProblem, ValidationProblem>> Estimate(
        Guid id, EstimateRequest request, ServiceProDbContext db, JobEstimator estimator, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.IsActive, ct);
        if (service is null)
        {
            return Problems.NotFound("There is no such service, or it is not offered at the moment.");
        }

        var outcome = estimator.Estimate(service, request.Answers ?? []);
        if (outcome.Unavailable is { } reason)
        {
            return Problems.PackUnavailable(reason);
        }

        return outcome.Estimate is { } estimate ? TypedResults.Ok(estimate) : Problems.Invalid(outcome.Errors);
    }
}
