using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Auditing;
using ServicePro.Host.Bookings;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Persistence;
using ServicePro.Host.Plugins;
using ServicePro.Host.Tenancy;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Customers;

public sealed record CustomerAssetDto(
    Guid Id, Guid CustomerId, string Kind, string Label, Dictionary<string, string> Details, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CustomerAssetDto From(CustomerAsset a) => new(a.Id, a.CustomerId, a.Kind, a.Label, a.Details, a.CreatedAt, a.UpdatedAt);
}

/// <summary>On update, fields left out keep their values. Details are answers to the pack's intake questions;
/// any subset may be given (the booking asks the rest), and blank answers are dropped.</summary>
public sealed record CustomerAssetRequest([Text(40)] string? Kind, [Text(TextRules.Name)] string? Label, [TextMap(50)] Dictionary<string, string>? Details);

/// <summary>A customer's vehicles, pets, properties or homes, so bookings can reuse what was asked before.</summary>
public static class CustomerAssetEndpoints
{
    public static RouteGroupBuilder MapCustomerAssetEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/customers/{customerId:guid}/assets").WithTags("Customers").RequireAuthorization(Policies.TenantMember);
        group.MapGet("/", List).WithName("listCustomerAssets").WithSummary("The customer's assets (vehicles, pets, properties...), oldest first.");
        group.MapPost("/", Create).WithName("createCustomerAsset").WithSummary("Record an asset; the kind defaults to what the business's trade works on.");
        group.MapPut("/{assetId:guid}", Update).WithName("updateCustomerAsset").WithSummary("Change an asset's kind, label or details; fields left out are kept.");
        group.MapDelete("/{assetId:guid}", Delete).WithName("deleteCustomerAsset").WithSummary("Remove an asset; refused while bookings refer to it.");
        return group;
    }

    private static async Task<Results<Ok<List<CustomerAssetDto>>, NotFoundProblem>> List(
        Guid customerId, ServiceProDbContext db, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct))
        {
            return NoSuchCustomer();
        }

        return TypedResults.Ok(await db.CustomerAssets.AsNoTracking().Where(a => a.CustomerId == customerId)
            .OrderBy(a => a.CreatedAt).Select(a => CustomerAssetDto.From(a)).ToListAsync(ct));
    }

    private static async Task<Results<Created<CustomerAssetDto>, NotFoundProblem, UnavailableProblem, ValidationProblem>> Create(
        Guid customerId, CustomerAssetRequest request, ServiceProDbContext db, ITenantContext tenant, PluginCatalog catalog,
        HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct))
        {
            return NoSuchCustomer();
        }

        var industry = tenant.Tenant!.Industry;
        var (details, errors, unavailable) = Check(request, catalog, industry, requireLabel: true);
        if (unavailable is not null)
        {
            return unavailable;
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var asset = new CustomerAsset
        {
            Id = Guid.CreateVersion7(),
            CustomerId = customerId,
            Kind = request.Kind?.Trim().ToLowerInvariant() ?? AssetKinds.DefaultFor(industry),
            Label = request.Label!.Trim(),
            Details = details ?? [],
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.CustomerAssets.Add(asset);
        db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), "customer_asset.created", "customer_asset", asset.Id.ToString(),
            new() { ["customer"] = customerId.ToString() }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{http.Request.PathBase}/api/customers/{customerId}/assets/{asset.Id}", CustomerAssetDto.From(asset));
    }

    private static async Task<Results<Ok<CustomerAssetDto>, NotFoundProblem, UnavailableProblem, ValidationProblem>> Update(
        Guid customerId, Guid assetId, CustomerAssetRequest request, ServiceProDbContext db, ITenantContext tenant, PluginCatalog catalog,
        HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var asset = await db.CustomerAssets.FirstOrDefaultAsync(a => a.Id == assetId && a.CustomerId == customerId, ct);
        if (asset is null)
        {
            return NoSuchAsset();
        }

        var (details, errors, unavailable) = Check(request, catalog, tenant.Tenant!.Industry, requireLabel: false);
        if (unavailable is not null)
        {
            return unavailable;
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        asset.Kind = request.Kind?.Trim().ToLowerInvariant() ?? asset.Kind;
        asset.Label = request.Label?.Trim() ?? asset.Label;
        asset.Details = details ?? asset.Details;
        asset.UpdatedAt = clock.GetUtcNow();
        db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), "customer_asset.updated", "customer_asset", assetId.ToString(),
            new() { ["customer"] = customerId.ToString() }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CustomerAssetDto.From(asset));
    }

    private static async Task<Results<NoContent, NotFoundProblem, ConflictProblem>> Delete(
        Guid customerId, Guid assetId, ServiceProDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var asset = await db.CustomerAssets.FirstOrDefaultAsync(a => a.Id == assetId && a.CustomerId == customerId, ct);
        if (asset is null)
        {
            return NoSuchAsset();
        }

        // Bookings keep the asset they were made for; the database would refuse the delete anyway.
        var bookings = await db.Bookings.CountAsync(b => b.AssetId == assetId, ct);
        if (bookings > 0)
        {
            return Problems.Conflict($"{bookings} booking(s) are for this {asset.Kind}, so it can't be removed. Edit it instead.");
        }

        db.CustomerAssets.Remove(asset);
        db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), "customer_asset.deleted", "customer_asset", assetId.ToString(),
            new() { ["customer"] = customerId.ToString() }));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Field errors, the cleaned details (null when none were given), or a 503 when the trade's questions are unknown.</summary>
    private static (Dictionary<string, string>? Details, Dictionary<string, string[]> Errors, UnavailableProblem? Unavailable) Check(
        CustomerAssetRequest request, PluginCatalog catalog, string industry, bool requireLabel)
    {
        var errors = new Dictionary<string, string[]>();
        if ((requireLabel || request.Label is not null) && (string.IsNullOrWhiteSpace(request.Label) || request.Label.Trim().Length > 200))
        {
            errors["label"] = ["Name it the way the customer does, e.g. \"Blue F-150\" or \"Biscuit\" (up to 200 characters)."];
        }

        if (request.Kind is not null && request.Kind.Trim().Length is 0 or > 50)
        {
            errors["kind"] = ["A kind is 1 to 50 characters, e.g. vehicle or pet; leave it out for the trade's usual one."];
        }

        if (request.Details is null)
        {
            return (null, errors, null);
        }

        if (catalog.FindPack(industry) is not { } pack)
        {
            return (null, errors, Problems.PackUnavailable(
                $"The '{industry}' industry pack is not loaded on this server, so asset details cannot be checked."));
        }

        // Unknown questions are refused even when blank: a typo in a key should not pass silently.
        foreach (var (field, messages) in IntakeValidator.Validate(pack.IntakeFields, request.Details, partial: true))
        {
            errors[$"details.{field}"] = messages;
        }

        var details = request.Details.Where(d => !string.IsNullOrWhiteSpace(d.Value)).ToDictionary(d => d.Key, d => d.Value.Trim());
        return (details, errors, null);
    }

    private static NotFoundProblem NoSuchCustomer() => Problems.NotFound("There is no such customer.");

    private static NotFoundProblem NoSuchAsset() => Problems.NotFound("This customer has no such asset.");
}
