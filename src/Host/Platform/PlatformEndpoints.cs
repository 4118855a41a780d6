using Microsoft.AspNetCore.Http.HttpResults;
using ServicePro.Host.Features;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Persistence;
using ServicePro.Host.Plugins;
using ServicePro.Host.Tenancy;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Platform;

public sealed record TenantSummary(
    Guid Id, string Slug, string Name, string BrandName, string Industry, string Status, string? CustomDomain,
    DateTimeOffset CreatedAt, DateTimeOffset? GoLiveAt, string OnboardingStep)
{
    public static TenantSummary From(Tenant t) => new(t.Id, t.Slug, t.Name, t.BrandName, t.Industry,
        SnakeCaseEnum.ToName(t.Status), t.CustomDomain, t.CreatedAt, t.GoLiveAt, t.OnboardingStep);
}

public sealed record FlagRequest(bool? Enabled);

/// <param name="Error">The problems as one line (null when loaded).</param>
/// <param name="Problems">Every reason the plugin is not loaded, one sentence each.</param>
/// <param name="FaultCount">How often its code has failed while serving requests since the host started.</param>
/// <param name="LastFault">What failed last, with when.</param>
public sealed record PluginDto(
    string Id, string Name, string Version, string Kind, string Source, string Folder,
    IReadOnlyList<string> SupportedAbstractions, string Status, string? Error,
    IReadOnlyList<string> Problems, long FaultCount, DateTimeOffset? LastFaultAt, string? LastFault);

public sealed record AddStaffRequest(
    [Email] string? Email, [Text(TextRules.Password)] string? Password, [Text(TextRules.Name)] string? DisplayName, [Text(40)] string? Role);

/// <summary>The operators' API: tenants, their flags and staff, and the plugins the host loaded.</summary>
public static class PlatformEndpoints
{
    public static RouteGroupBuilder MapPlatformEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/platform").WithTags("Platform").RequireAuthorization(Policies.PlatformOperator).OnPlatformAddress();
        group.MapGet("/tenants", List).WithName("listTenants").WithSummary("Every tenant, deleted ones included, with its status and onboarding step.");
        group.MapPost("/tenants", Create).WithName("createTenant")
            .WithSummary("Create a tenant on an industry pack: settings, services and flags come from the pack.");
        group.MapGet("/tenants/{slug}", Get).WithName("getTenant").WithSummary("One tenant by its slug.");
        group.MapPost("/tenants/{slug}/suspend", Suspend).WithName("suspendTenant")
            .WithSummary("Suspend a tenant: its addresses refuse people and API clients until it is reactivated.");
        group.MapPost("/tenants/{slug}/reactivate", Reactivate).WithName("reactivateTenant").WithSummary("Open a suspended tenant's addresses again.");
        group.MapDelete("/tenants/{slug}", Delete).WithName("deleteTenant")
            .WithSummary("Mark a tenant deleted: its addresses answer 404, its data is kept.");
        group.MapGet("/tenants/{slug}/flags", Flags).WithName("listTenantFlags").WithSummary("A tenant's effective feature flags.");
        group.MapPut("/tenants/{slug}/flags/{flag}", SetFlag).WithName("setTenantFlag")
            .WithSummary("Switch one feature for one tenant; applies on its next request.");
        group.MapPost("/tenants/{slug}/staff", AddStaff).WithName("addTenantStaff")
            .WithSummary("Give a person a role at a tenant, creating their sign-in if new.");
        group.MapGet("/plugins", Plugins).WithName("listPlugins").WithSummary("Every plugin folder the host found, loaded or not, with the reason.");
        return group;
    }

    private static async Task<Ok<List<TenantSummary>>> List(TenantAdministration admin, CancellationToken ct) =>
        TypedResults.Ok((await admin.ListAsync(ct)).Select(TenantSummary.From).ToList());

    private static async Task<Results<Created<TenantSummary>, ConflictProblem, ValidationProblem>> Create(
        CreateTenantRequest request, TenantAdministration admin, HttpContext http, CancellationToken ct)
    {
        var result = await admin.CreateAsync(request, ServiceProClaims.ActorOf(http.User), ct);
        if (result.Errors is { } errors)
        {
            return Problems.Invalid(errors);
        }

        return result.Tenant is { } tenant
            ? TypedResults.Created($"/api/platform/tenants/{tenant.Slug}", TenantSummary.From(tenant))
            : Problems.Conflict(result.ConflictReason!);
    }

    private static async Task<Results<Ok<TenantSummary>, NotFoundProblem>> Get(string slug, TenantAdministration admin, CancellationToken ct) =>
        await admin.FindAsync(slug, ct) is { } t ? TypedResults.Ok(TenantSummary.From(t)) : NoSuchTenant(slug);

    private static async Task<Results<Ok<TenantSummary>, NotFoundProblem>> Suspend(
        string slug, TenantAdministration admin, HttpContext http, CancellationToken ct) =>
        await admin.SuspendAsync(slug, ServiceProClaims.ActorOf(http.User), ct) is { } t ? TypedResults.Ok(TenantSummary.From(t)) : NoSuchTenant(slug);

    private static async Task<Results<Ok<TenantSummary>, NotFoundProblem>> Reactivate(
        string slug, TenantAdministration admin, HttpContext http, CancellationToken ct) =>
        await admin.ReactivateAsync(slug, ServiceProClaims.ActorOf(http.User), ct) is { } t ? TypedResults.Ok(TenantSummary.From(t)) : NoSuchTenant(slug);

    private static async Task<Results<NoContent, NotFoundProblem, ConflictProblem>> Delete(
        string slug, TenantAdministration admin, HttpContext http, CancellationToken ct)
    {
        if (slug == "root")
        {
            return Problems.Conflict("The ROOT tenant cannot be deleted.");
        }

        return await admin.DeleteAsync(slug, ServiceProClaims.ActorOf(http.User), ct) is null
            ? NoSuchTenant(slug)
            : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<IReadOnlyDictionary<string, bool>>, NotFoundProblem>> Flags(
        string slug, TenantAdministration admin, CancellationToken ct) =>
        await admin.FindAsync(slug, ct) is { Status: not TenantStatus.Deleted } t
            ? TypedResults.Ok(await admin.FlagsAsync(t, ct))
            : NoSuchTenant(slug);

    private static async Task<Results<Ok<IReadOnlyDictionary<string, bool>>, NotFoundProblem, ValidationProblem>> SetFlag(
        string slug, string flag, FlagRequest request, TenantAdministration admin, HttpContext http, CancellationToken ct)
    {
        if (!PlatformFlags.IsKnown(flag))
        {
            return Problems.Invalid("flag", $"Unknown flag. Known flags: {string.Join(", ", PlatformFlags.Defaults.Keys)}.");
        }

        if (request.Enabled is not { } enabled)
        {
            return Problems.Invalid("enabled", "Say whether the flag is enabled: {\"enabled\": true}.");
        }

        if (await admin.FindAsync(slug, ct) is not { Status: not TenantStatus.Deleted } tenant)
        {
            return NoSuchTenant(slug);
        }

        await admin.SetFlagAsync(tenant, flag, enabled, ServiceProClaims.ActorOf(http.User), ct);
        return TypedResults.Ok(await admin.FlagsAsync(tenant, ct));
    }

    private static async Task<Results<Created, NotFoundProblem, ValidationProblem>> AddStaff(
        string slug, AddStaffRequest request, TenantAdministration admin, TenantScopeFactory scopes, HttpContext http, CancellationToken ct)
    {
        if (!SnakeCaseEnum.TryParse<StaffRole>(request.Role, out var role))
        {
            return Problems.Invalid("role", "Role must be owner, admin, staff or technician.");
        }

        if (await admin.FindAsync(slug, ct) is not { Status: not TenantStatus.Deleted } tenant)
        {
            return NoSuchTenant(slug);
        }

        await using var scope = scopes.Begin(TenantInfo.From(tenant));
        var added = await scope.ServiceProvider.GetRequiredService<StaffDirectory>()
            .AddAsync(request.Email, request.Password, request.DisplayName, role, ServiceProClaims.ActorOf(http.User), ct);
        return added.Errors.Count > 0 ? Problems.Invalid(added.Errors) : TypedResults.Created();
    }

    private static Ok<List<PluginDto>> Plugins(PluginCatalog catalog) =>
        TypedResults.Ok(catalog.Plugins.Select(p => new PluginDto(p.Id, p.Name, p.Version, p.Kind, p.Source, p.Folder,
            p.SupportedAbstractions, SnakeCaseEnum.ToName(p.Status), p.Error,
            p.Problems, p.Health.FaultCount, p.Health.LastFaultAt, p.Health.LastFault)).ToList());

    private static NotFoundProblem NoSuchTenant(string slug) => Problems.NotFound($"There is no tenant '{slug}'.");
}
