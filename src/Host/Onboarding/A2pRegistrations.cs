using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePro.Abstractions.Integrations;
using ServicePro.Host.Auditing;
using ServicePro.Host.Hosting;
using ServicePro.Host.Integrations;
using ServicePro.Host.Persistence;
using ServicePro.Host.Plugins;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Onboarding;

/// <summary>The registration with the checks that must pass before it is submitted.</summary>
public sealed record A2pView(
    string Status, A2pCampaignDraft Campaign, Dictionary<string, string[]> Problems,
    IReadOnlyDictionary<string, string> StepStatuses, string? FailureReason, DateTimeOffset? SubmittedAt,
    DateTimeOffset? LastCheckedAt, DateTimeOffset? ApprovedAt, bool CanEdit, bool TwilioReady);

/// <summary>
/// Step 4: the tenant's A2P 10DLC registration. Drafted from what we know, edited by the owner, checked
/// against Twilio's rules, then submitted and followed by background jobs until the carriers decide.
/// </summary>
public sealed class A2pRegistrations(
    ServiceProDbContext db,
    PluginCatalog plugins,
    TenantIntegrations integrations,
    OnboardingProgressStore progress,
    IBackgroundJobClient jobs,
    TenantAddresses addresses,
    TimeProvider clock)
{
    private const string Provider = "twilio";

    public async Task<A2pView> GetAsync(CancellationToken ct) => await ViewAsync(await LoadOrDraftAsync(ct), ct);

    /// <summary>Saves the owner's edits; allowed while the registration is a draft or was rejected.</summary>
    public async Task<(A2pView? View, string? Conflict)> UpdateAsync(A2pCampaignDraft campaign, string actor, CancellationToken ct)
    {
        var registration = await LoadOrDraftAsync(ct);
        if (!Editable(registration))
        {
            return (null, "The registration is with the carriers; it can be edited again if they reject it.");
        }

        registration.Campaign = campaign with
        {
            MessageSamples = campaign.MessageSamples.Select(s => s.Trim()).Where(s => s.Length > 0).ToList(),
        };
        registration.UpdatedAt = clock.GetUtcNow();
        db.AuditLog.Add(AuditEntry.Create(clock, actor, "a2p.edited", "a2p_registration", null));
        await db.SaveChangesAsync(ct);
        return (await ViewAsync(registration, ct), null);
    }

    /// <summary>Writes a fresh draft from the current brand and pack, replacing unsent edits.</summary>
    public async Task<(A2pView? View, string? Conflict)> RedraftAsync(string actor, CancellationToken ct)
    {
        var registration = await LoadOrDraftAsync(ct);
        if (!Editable(registration))
        {
            return (null, "The registration is with the carriers; it can be redrafted if they reject it.");
        }

        registration.Campaign = await DraftAsync(ct);
        registration.UpdatedAt = clock.GetUtcNow();
        db.AuditLog.Add(AuditEntry.Create(clock, actor, "a2p.redrafted", "a2p_registration", null));
        await db.SaveChangesAsync(ct);
        return (await ViewAsync(registration, ct), null);
    }

    /// <summary>Hands the registration to a background job; refused while the checks fail or Twilio isn't connected.</summary>
    public async Task<(A2pView? View, Dictionary<string, string[]> Problems, string? Conflict)> SubmitAsync(string actor, CancellationToken ct)
    {
        var registration = await LoadOrDraftAsync(ct);
        if (!Editable(registration))
        {
            return (null, [], "The registration has already been submitted.");
        }

        if (!await TwilioReadyAsync(ct))
        {
            return (null, [], "Connect Twilio first (step 3): the registration is filed under your Twilio account.");
        }

        var problems = A2pRules.Check(registration.Campaign, await BrandNameAsync(ct));
        if (problems.Count > 0)
        {
            return (null, problems, null);
        }

        if (registration.Status == A2pRegistrationState.Failed)
        {
            // A rejected step is filed again from scratch; approved ones (usually the brand) are kept.
            foreach (var step in registration.StepStatuses.Where(s => s.Value is "FAILED" or "SUSPENDED" or "DELETED").Select(s => s.Key)
                         .Append("campaign").ToList())
            {
                registration.ProviderIds.Remove(step);
                registration.StepStatuses.Remove(step);
            }

            registration.ProviderIds = new Dictionary<string, string>(registration.ProviderIds);
            registration.StepStatuses = new Dictionary<string, string>(registration.StepStatuses);
        }

        var now = clock.GetUtcNow();
        registration.Status = A2pRegistrationState.Pending;
        registration.FailureReason = null;
        registration.SubmittedAt = now;
        registration.UpdatedAt = now;
        db.AuditLog.Add(AuditEntry.Create(clock, actor, "a2p.submitted", "a2p_registration", null));
        await db.SaveChangesAsync(ct);
        await progress.SetAsync(OnboardingSteps.A2p, OnboardingStepStatus.Completed, actor, ct);

        jobs.Enqueue<A2pJobs>(j => j.SubmitAsync(db.CurrentTenantId, CancellationToken.None));
        return (await ViewAsync(registration, ct), [], null);
    }

    /// <summary>
    /// One round with the carriers: submit what isn't submitted yet (the campaign waits for an approved
    /// brand), then read every step's status. Safe to repeat: the registrar skips steps that have ids.
    /// </summary>
    /// <returns>True when the carriers have decided (approved or failed).</returns>
    public async Task<bool> AdvanceAsync(CancellationToken ct)
    {
        var registration = await db.A2pRegistrations.FirstOrDefaultAsync(ct);
        if (registration is null || registration.Status is A2pRegistrationState.Draft or A2pRegistrationState.Approved or A2pRegistrationState.Failed)
        {
            return true;
        }

        var registrar = plugins.FindProvider(Provider) as IA2pRegistrar
            ?? throw new InvalidOperationException("No loaded provider can register A2P campaigns.");
        var context = await integrations.ContextAsync(plugins.FindProvider(Provider)!, ct);
        var state = new A2pRegistrationState(registration.Status, registration.ProviderIds, registration.StepStatuses);
        if (registration.ProviderIds.Count > 0)
        {
            state = await registrar.RefreshAsync(context, state, ct);
        }

        if (state.Status != A2pRegistrationState.Failed)
        {
            state = await registrar.SubmitAsync(context, ToCampaign(registration.Campaign), state, ct);
        }

        var now = clock.GetUtcNow();
        registration.Status = state.Status;
        registration.ProviderIds = new Dictionary<string, string>(state.Ids);
        registration.StepStatuses = new Dictionary<string, string>(state.StepStatuses);
        registration.FailureReason = state.FailureReason;
        registration.LastCheckedAt = now;
        registration.UpdatedAt = now;
        if (state.Status == A2pRegistrationState.Approved)
        {
            registration.ApprovedAt ??= now;
        }

        if (state.Status is A2pRegistrationState.Approved or A2pRegistrationState.Failed)
        {
            db.AuditLog.Add(AuditEntry.Create(clock, "system", "a2p." + state.Status, "a2p_registration", state.Ids.GetValueOrDefault("campaign")));
        }

        await db.SaveChangesAsync(ct);
        return state.Status is A2pRegistrationState.Approved or A2pRegistrationState.Failed;
    }

    private static bool Editable(A2pRegistration r) => r.Status is A2pRegistrationState.Draft or A2pRegistrationState.Failed;

    private async Task<A2pRegistration> LoadOrDraftAsync(CancellationToken ct)
    {
        var registration = await db.A2pRegistrations.FirstOrDefaultAsync(ct);
        if (registration is not null)
        {
            return registration;
        }

        var now = clock.GetUtcNow();
        registration = new A2pRegistration { Status = A2pRegistrationState.Draft, Campaign = await DraftAsync(ct), CreatedAt = now, UpdatedAt = now };
        db.A2pRegistrations.Add(registration);
        await db.SaveChangesAsync(ct);
        return registration;
    }

    private async Task<A2pCampaignDraft> DraftAsync(CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().FirstAsync(t => t.Id == db.CurrentTenantId, ct);
        var pack = plugins.FindPack(tenant.Industry) ?? plugins.FindPack("custom")!;
        return A2pDrafter.Draft(tenant, pack, addresses.SiteUrl(tenant));
    }

    private async Task<A2pView> ViewAsync(A2pRegistration r, CancellationToken ct) => new(
        r.Status, r.Campaign, A2pRules.Check(r.Campaign, await BrandNameAsync(ct)), r.StepStatuses, r.FailureReason,
        r.SubmittedAt, r.LastCheckedAt, r.ApprovedAt, Editable(r), await TwilioReadyAsync(ct));

    private async Task<bool> TwilioReadyAsync(CancellationToken ct) =>
        await db.TenantIntegrations.AnyAsync(i => i.Provider == Provider && i.Status == IntegrationStatus.Active, ct);

    private async Task<string> BrandNameAsync(CancellationToken ct) =>
        await db.Tenants.Where(t => t.Id == db.CurrentTenantId).Select(t => t.BrandName).FirstAsync(ct);

    private static A2pCampaign ToCampaign(A2pCampaignDraft d) => new(
        d.UseCase, d.Description, d.MessageFlow, d.MessageSamples, d.HasEmbeddedLinks, d.HasEmbeddedPhone,
        d.OptInMessage, d.OptOutMessage, d.HelpMessage,
        ["START", "YES", "UNSTOP"], ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"], ["HELP", "INFO"],
        d.PrivacyPolicyUrl, d.TermsUrl);
}
