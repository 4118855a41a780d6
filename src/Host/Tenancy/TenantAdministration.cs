using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServicePro.Abstractions;
using ServicePro.Host.Auditing;
using ServicePro.Host.Features;
using ServicePro.Host.Identity;
using ServicePro.Host.Persistence;
using ServicePro.Host.Plugins;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Tenancy;

/// <summary>What an operator does to tenants; shared by the platform API, the admin pages and the command line.</summary>
public sealed partial class TenantAdministration(
    ServiceProDbContext platformDb,
    TenantScopeFactory tenantScopes,
    TenantChanges changes,
    TenantFlagStore flags,
    PluginCatalog plugins,
    TimeProvider clock)
{
    private static readonly HashSet<string> ReservedSlugs =
        ["www", "api", "admin", "app", "t", "platform", "health", "openapi", "scalar", "static", "mail", "docs"];

    public async Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken ct) =>
        await platformDb.Tenants.AsNoTracking().OrderBy(t => t.CreatedAt).ThenBy(t => t.Slug).ToListAsync(ct);

    public Task<Tenant?> FindAsync(string slug, CancellationToken ct) =>
        platformDb.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);

    /// <summary>Checks the request: errors keyed by field, empty when it can be created.</summary>
    private Dictionary<string, string[]> Validate(CreateTenantRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!SlugRules.IsValid(request.Slug))
        {
            errors["slug"] = ["Use 2–63 lower-case letters, digits or hyphens, starting with a letter."];
        }
        else if (ReservedSlugs.Contains(request.Slug!))
        {
            errors["slug"] = ["This address is reserved; choose another."];
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["Enter the business's name."];
        }
        else if (TextRules.Problem(request.Name, TextRules.Name) is { } nameProblem)
        {
            errors["name"] = [nameProblem];
        }

        if (request.BrandName is not null && TextRules.Problem(request.BrandName, TextRules.Name) is { } brandProblem)
        {
            errors["brandName"] = [brandProblem];
        }

        if (string.IsNullOrWhiteSpace(request.Industry) || plugins.FindPack(request.Industry) is null)
        {
            errors["industry"] = [$"Choose one of the loaded industry packs: {string.Join(", ", plugins.IndustryPacks.Keys.Order())}."];
        }

        if (request.CustomDomain is not null && !DomainPattern().IsMatch(request.CustomDomain))
        {
            errors["customDomain"] = ["Enter a domain name such as acmelawn.com."];
        }

        if (request.Timezone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(request.Timezone, out _))
        {
            errors["timezone"] = ["Use an IANA time zone such as America/Chicago."];
        }

        if (request.PrimaryColor is not null && !ColourRules.IsValid(request.PrimaryColor))
        {
            errors["primaryColor"] = ["Use a hex color such as #3B82F6."];
        }

        if (request.Owner is { } owner && !EmailRules.IsValid(owner.Email))
        {
            errors["owner.email"] = ["Enter the owner's e-mail address, such as name@example.com."];
        }

        // The same rules as the API's attributes: the command line creates tenants through here too.
        if (request.Email is not null && !EmailRules.IsValid(request.Email))
        {
            errors["email"] = ["Enter the business's e-mail address, such as hello@example.com."];
        }

        if (request.Phone is not null && !PhoneRules.IsValid(request.Phone))
        {
            errors["phone"] = ["Enter a phone number such as (918) 555-0123 or +19185550123."];
        }

        return errors;
    }

    /// <summary>
    /// Creates a tenant on its pack — settings, scheduler defaults, flags and services from the pack — and
    /// optionally its owner, in one transaction; or says why not, having written nothing.
    /// </summary>
    public async Task<CreateTenantResult> CreateAsync(
        CreateTenantRequest request, string actor, CancellationToken ct, Guid? id = null, TenantStatus status = TenantStatus.Onboarding)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return CreateTenantResult.Invalid(errors);
        }

        var slug = request.Slug!;
        var domain = request.CustomDomain?.ToLowerInvariant();
        if (await platformDb.Tenants.AnyAsync(t => t.Slug == slug || (domain != null && t.CustomDomain == domain), ct))
        {
            return CreateTenantResult.Conflict(await platformDb.Tenants.AnyAsync(t => t.Slug == slug, ct)
                ? "This address is taken; choose another."
                : "This domain is already used by another business.");
        }

        var pack = plugins.FindPack(request.Industry!)!;
        var now = clock.GetUtcNow();
        var tenant = new Tenant
        {
            Id = id ?? Guid.CreateVersion7(),
            Slug = slug,
            Name = request.Name!.Trim(),
            BrandName = string.IsNullOrWhiteSpace(request.BrandName) ? request.Name!.Trim() : request.BrandName.Trim(),
            CustomDomain = domain,
            Industry = pack.Slug,
            Status = status,
            Timezone = request.Timezone ?? "America/Chicago",
            PrimaryColor = request.PrimaryColor ?? "#3B82F6",
            Email = EmailRules.Normalize(request.Email),
            Phone = PhoneRules.ToE164(request.Phone),
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (status == TenantStatus.Active)
        {
            tenant.GoLiveAt = now;
        }

        await using var scope = tenantScopes.Begin(TenantInfo.From(tenant));
        var db = scope.ServiceProvider.GetRequiredService<ServiceProDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Tenants.Add(tenant);
        db.TenantSettings.Add(NewSettings(pack, now, tenant.Id == Tenant.RootId));
        var created = new NewTenant(tenant, pack, actor, now);
        foreach (var setup in scope.ServiceProvider.GetServices<INewTenantSetup>())
        {
            setup.AddTo(db, created);
        }

        db.AuditLog.Add(AuditEntry.Create(clock, actor, "tenant.created", "tenant", tenant.Slug,
            new() { ["industry"] = pack.Slug, ["status"] = SnakeCaseEnum.ToName(status) }));
        await db.SaveChangesAsync(ct);

        if (request.Owner is { } owner)
        {
            var added = await scope.ServiceProvider.GetRequiredService<StaffDirectory>()
                .AddAsync(owner.Email, owner.Password, owner.DisplayName, StaffRole.Owner, actor, ct);
            if (added.Errors.Count > 0)
            {
                return CreateTenantResult.Invalid(added.Errors.ToDictionary(e => "owner." + e.Key, e => e.Value));
            }
        }

        await transaction.CommitAsync(ct);
        // A new tenant may have been looked up (and cached as missing) before it existed.
        await changes.PublishAsync(platformDb, tenant.Id, tenant.Slug, tenant.CustomDomain, ct);
        return CreateTenantResult.Created(tenant);
    }

    /// <summary>Refuses every request to the tenant until it is reactivated.</summary>
    /// <returns>The tenant as changed, or null when there is no such (undeleted) tenant.</returns>
    public Task<Tenant?> SuspendAsync(string slug, string actor, CancellationToken ct) =>
        ChangeStatusAsync(slug, _ => TenantStatus.Suspended, actor, ct);

    /// <summary>Back to live if the tenant went live before, otherwise back to onboarding.</summary>
    public Task<Tenant?> ReactivateAsync(string slug, string actor, CancellationToken ct) =>
        ChangeStatusAsync(slug, t => t.GoLiveAt is null ? TenantStatus.Onboarding : TenantStatus.Active, actor, ct);

    /// <summary>Marks the tenant deleted: its addresses answer 404; its data is kept.</summary>
    public Task<Tenant?> DeleteAsync(string slug, string actor, CancellationToken ct) =>
        ChangeStatusAsync(slug, _ => TenantStatus.Deleted, actor, ct);

    private async Task<Tenant?> ChangeStatusAsync(string slug, Func<Tenant, TenantStatus> next, string actor, CancellationToken ct)
    {
        var tenant = await platformDb.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (tenant is null || tenant.Status == TenantStatus.Deleted)
        {
            return null;
        }

        var before = tenant.Status;
        var status = next(tenant);
        tenant.Status = status;
        tenant.UpdatedAt = clock.GetUtcNow();
        await using (var scope = tenantScopes.Begin(TenantInfo.From(tenant)))
        {
            var db = scope.ServiceProvider.GetRequiredService<ServiceProDbContext>();
            db.Tenants.Attach(tenant).Property(t => t.Status).IsModified = true;
            db.Entry(tenant).Property(t => t.UpdatedAt).IsModified = true;
            db.AuditLog.Add(AuditEntry.Create(clock, actor, "tenant.status", "tenant", slug,
                new() { ["from"] = SnakeCaseEnum.ToName(before), ["to"] = SnakeCaseEnum.ToName(status) }));
            await db.SaveChangesAsync(ct);
        }

        await changes.PublishAsync(platformDb, tenant.Id, tenant.Slug, tenant.CustomDomain, ct);
        return tenant;
    }

    public Task<IReadOnlyDictionary<string, bool>> FlagsAsync(Tenant tenant, CancellationToken ct) =>
        flags.GetAsync(TenantInfo.From(tenant), ct).AsTask();

    public async Task SetFlagAsync(Tenant tenant, string flag, bool enabled, string actor, CancellationToken ct)
    {
        await flags.SetAsync(TenantInfo.From(tenant), flag, enabled, actor, ct);
        await changes.PublishAsync(platformDb, tenant.Id, tenant.Slug, tenant.CustomDomain, ct);
    }

    private static TenantSettings NewSettings(IIndustryPack pack, DateTimeOffset now, bool isRoot) => new()
    {
        Flags = isRoot
            ? PlatformFlags.Resolve(pack.FeatureDefaults, PlatformFlags.RootOverrides)
            : PlatformFlags.Resolve(pack.FeatureDefaults),
        SchedulerConfig = new SchedulerConfig
        {
            BufferMinutes = pack.Scheduler.DefaultBufferMinutes,
            RequireDeposit = pack.Scheduler.RequireDeposit,
            DepositPercentage = pack.Scheduler.DepositPercentage,
        },
        CreatedAt = now,
        UpdatedAt = now,
    };

    [GeneratedRegex(@"^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.IgnoreCase)]
    private static partial Regex DomainPattern();
}
