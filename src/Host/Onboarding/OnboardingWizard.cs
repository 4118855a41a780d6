using Microsoft.EntityFrameworkCore;
using ServicePro.Abstractions;
using ServicePro.Host.Auditing;
using ServicePro.Host.Catalog;
using ServicePro.Host.Customers;
using ServicePro.Host.Features;
using ServicePro.Host.Messaging;
using ServicePro.Host.Persistence;
using ServicePro.Host.Plugins;
using ServicePro.Host.Tenancy;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Onboarding;

public sealed record WizardStepView(
    string Key, int Number, string Title, string Purpose, bool Optional, string Status, string? SkipConsequence,
    string Path, string? Provider);

public sealed record OnboardingView(
    string TenantStatus, string CurrentStep, bool Completed, DateTimeOffset? GoLiveAt, int StepsDone, IReadOnlyList<WizardStepView> Steps);

public enum WizardOutcome
{
    Done,
    Invalid,
    Conflict,
}

/// <summary>What a wizard action did: done, or why not (field errors or a conflict with the tenant's state).</summary>
public sealed record WizardResult(WizardOutcome Outcome, Dictionary<string, string[]> Errors, string? Detail = null)
{
    public static WizardResult Done { get; } = new(WizardOutcome.Done, []);

    public static WizardResult Invalid(Dictionary<string, string[]> errors) => new(WizardOutcome.Invalid, errors);

    public static WizardResult Conflict(string detail) => new(WizardOutcome.Conflict, [], detail);
}

/// <summary>
/// The nine onboarding steps for the current tenant (seed §6): resumable (progress is stored per step),
/// revisitable (any step can be saved again until and after go-live), optional steps skippable with their
/// consequence, and go-live guarded by preflight.
/// </summary>
public sealed class OnboardingWizard(
    ServiceProDbContext db,
    OnboardingProgressStore progress,
    Preflight preflight,
    PluginCatalog plugins,
    TenantFlagStore flagStore,
    TenantChanges changes,
    ITenantContext tenantContext,
    TimeProvider clock)
{
    public async Task<OnboardingView> GetAsync(CancellationToken ct)
    {
        var tenant = await CurrentTenantAsync(ct);
        var done = await progress.GetAsync(ct);
        var steps = WizardSteps.All.Select(s => new WizardStepView(s.Key, s.Number, s.Title, s.Purpose, s.Optional,
            SnakeCaseEnum.ToName(done.GetValueOrDefault(s.Key)), s.SkipConsequence, s.Path, s.Provider)).ToList();
        return new OnboardingView(SnakeCaseEnum.ToName(tenant.Status), tenant.OnboardingStep, tenant.OnboardingCompleted, tenant.GoLiveAt,
            steps.Count(s => s.Status != "pending"), steps);
    }

    public async Task<BusinessBasics> GetBasicsAsync(CancellationToken ct) =>
        BusinessBasics.From(await CurrentTenantAsync(ct), await db.TenantSettings.AsNoTracking().FirstAsync(ct));

    public async Task<WizardResult> SaveBasicsAsync(BusinessBasics basics, string actor, CancellationToken ct)
    {
        var errors = BusinessBasicsRules.Check(basics);
        if (errors.Count > 0)
        {
            return WizardResult.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var tenant = await db.Tenants.FirstAsync(t => t.Id == db.CurrentTenantId, ct);
        tenant.BrandName = basics.BrandName!.Trim();
        tenant.PrimaryColor = basics.PrimaryColor!;
        tenant.SecondaryColor = basics.SecondaryColor!;
        tenant.LogoUrl = string.IsNullOrWhiteSpace(basics.LogoUrl) ? null : basics.LogoUrl.Trim();
        tenant.Email = basics.Email!.Trim();
        tenant.Phone = PhoneRules.ToE164(basics.Phone);
        tenant.Address = string.IsNullOrWhiteSpace(basics.Address) ? null : basics.Address.Trim();
        tenant.Timezone = basics.Timezone!;
        tenant.UpdatedAt = now;

        var settings = await db.TenantSettings.FirstAsync(ct);
        var area = basics.ServiceArea!;
        settings.ServiceArea = new ServiceArea(Math.Round(area.RadiusMiles!.Value, 1), "miles", new GeoPoint(area.Latitude!.Value, area.Longitude!.Value));
        settings.BusinessHours = BusinessDay.Weekdays.ToDictionary(d => d, d => basics.BusinessHours![d]);
        settings.UpdatedAt = now;
        db.AuditLog.Add(AuditEntry.Create(clock, actor, "onboarding.business_basics", "tenant", tenant.Slug));
        await db.SaveChangesAsync(ct);

        await progress.SetAsync(OnboardingSteps.BusinessBasics, OnboardingStepStatus.Completed, actor, ct);
        // Brand, colors and time zone are in every instance's tenant cache.
        await changes.PublishAsync(db, tenant.Id, tenant.Slug, tenant.CustomDomain, ct);
        return WizardResult.Done;
    }

    /// <summary>
    /// Puts the tenant on a pack: its services, message templates, scheduler defaults and flag defaults.
    /// Choosing the pack it already has keeps what the tenant edited.
    /// </summary>
    public async Task<WizardResult> ChoosePackAsync(string? slug, string actor, CancellationToken ct)
    {
        if (slug is null || plugins.FindPack(slug) is not { } pack)
        {
            return WizardResult.Invalid(new() { ["pack"] = [$"Choose one of: {string.Join(", ", plugins.IndustryPacks.Keys.Order())}."] });
        }

        var tenant = await db.Tenants.FirstAsync(t => t.Id == db.CurrentTenantId, ct);
        if (tenant.Industry != pack.Slug)
        {
            if (tenant.GoLiveAt is not null)
            {
                return WizardResult.Conflict("The business is live; its trade can't be switched here. Contact support to change it.");
            }

            var now = clock.GetUtcNow();
            var settings = await db.TenantSettings.FirstAsync(ct);
            var skipped = (await progress.GetAsync(ct)).Where(p => p.Value == OnboardingStepStatus.Skipped)
                .Select(p => WizardSteps.Find(p.Key)?.Flag).OfType<string>()
                .ToDictionary(f => f, _ => false);
            settings.Flags = PlatformFlags.Resolve(pack.FeatureDefaults, skipped);
            settings.SchedulerConfig = settings.SchedulerConfig with
            {
                BufferMinutes = pack.Scheduler.DefaultBufferMinutes,
                RequireDeposit = pack.Scheduler.RequireDeposit,
                DepositPercentage = pack.Scheduler.DepositPercentage,
            };
            settings.UpdatedAt = now;
            db.Services.RemoveRange(await db.Services.ToListAsync(ct));
            db.MessageTemplates.RemoveRange(await db.MessageTemplates.ToListAsync(ct));
            await db.SaveChangesAsync(ct);

            db.Services.AddRange(PackServices.From(pack, now));
            db.MessageTemplates.AddRange(PackTemplates.From(pack, now));
            tenant.Industry = pack.Slug;
            tenant.UpdatedAt = now;
            db.AuditLog.Add(AuditEntry.Create(clock, actor, "onboarding.industry_pack", "tenant", tenant.Slug, new() { ["pack"] = pack.Slug }));
            await db.SaveChangesAsync(ct);
            flagStore.Evict(tenant.Id);
            await changes.PublishAsync(db, tenant.Id, tenant.Slug, tenant.CustomDomain, ct);
        }

        await progress.SetAsync(OnboardingSteps.IndustryPack, OnboardingStepStatus.Completed, actor, ct);
        return WizardResult.Done;
    }

    /// <summary>Skips an optional step: its capability is switched off until the step is done.</summary>
    public async Task<WizardResult> SkipAsync(string step, string actor, CancellationToken ct)
    {
        if (WizardSteps.Find(step) is not { } definition)
        {
            return WizardResult.Invalid(new() { ["step"] = [$"There is no step '{step}'."] });
        }

        if (!definition.Optional)
        {
            return WizardResult.Conflict($"\"{definition.Title}\" can't be skipped.");
        }

        await progress.SetAsync(step, OnboardingStepStatus.Skipped, actor, ct);
        return WizardResult.Done;
    }

    public Task<PreflightReport> PreflightAsync(CancellationToken ct) => preflight.RunAsync(ct);

    /// <summary>Opens the business for bookings, if preflight allows it (when the tenant's flag requires it).</summary>
    public async Task<(WizardResult Result, PreflightReport Report)> GoLiveAsync(string actor, CancellationToken ct)
    {
        var report = await preflight.RunAsync(ct);
        var tenant = await db.Tenants.FirstAsync(t => t.Id == db.CurrentTenantId, ct);
        if (tenant.Status == TenantStatus.Active)
        {
            return (WizardResult.Conflict("The business is already live."), report);
        }

        if (!report.Green && await flagStore.IsEnabledAsync(tenantContext.Tenant!, FeatureFlags.RequirePreflightGreenForLive, ct))
        {
            var failing = report.Items.Where(i => !i.Ok).Select(i => i.Label);
            return (WizardResult.Conflict($"Preflight isn't green yet: {string.Join(", ", failing)}."), report);
        }

        var now = clock.GetUtcNow();
        tenant.Status = TenantStatus.Active;
        tenant.GoLiveAt = now;
        tenant.OnboardingCompleted = true;
        tenant.UpdatedAt = now;
        db.AuditLog.Add(AuditEntry.Create(clock, actor, "tenant.went_live", "tenant", tenant.Slug,
            new() { ["preflight"] = report.Green ? "green" : "not green (not required)" }));
        await db.SaveChangesAsync(ct);
        await progress.SetAsync(OnboardingSteps.Preflight, OnboardingStepStatus.Completed, actor, ct);
        await changes.PublishAsync(db, tenant.Id, tenant.Slug, tenant.CustomDomain, ct);
        return (WizardResult.Done, report);
    }

    private Task<Tenant> CurrentTenantAsync(CancellationToken ct) =>
        db.Tenants.AsNoTracking().FirstAsync(t => t.Id == db.CurrentTenantId, ct);
}
