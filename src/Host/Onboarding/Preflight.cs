using Microsoft.EntityFrameworkCore;
using ServicePro.Abstractions;
using ServicePro.Host.Catalog;
using ServicePro.Host.Features;
using ServicePro.Host.Integrations;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Onboarding;

/// <param name="FixPath">The admin page where the owner can put it right.</param>
public sealed record PreflightItem(string Key, string Label, bool Ok, string Detail, string FixPath);

public sealed record PreflightReport(bool Green, IReadOnlyList<PreflightItem> Items);

/// <summary>
/// The live go-live checklist: computed from the current data every time it is asked, never stored, so it
/// can't go stale. Each capability the tenant has switched on must have what it needs.
/// </summary>
public sealed class Preflight(ServiceProDbContext db, TenantFlagStore flagStore, ITenantContext tenantContext)
{
    public async Task<PreflightReport> RunAsync(CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().FirstAsync(t => t.Id == db.CurrentTenantId, ct);
        var settings = await db.TenantSettings.AsNoTracking().FirstAsync(ct);
        var flags = await flagStore.GetAsync(tenantContext.Tenant!, ct);
        var integrations = await db.TenantIntegrations.AsNoTracking().ToDictionaryAsync(i => i.Provider, ct);
        var activeServices = await db.Services.CountAsync(s => s.IsActive && s.PriceMax > 0, ct);
        var a2p = await db.A2pRegistrations.AsNoTracking().FirstOrDefaultAsync(ct);
        var steps = await db.OnboardingProgress.AsNoTracking().ToDictionaryAsync(s => s.Step, s => s.Status, ct);

        var items = new List<PreflightItem>
        {
            new("business_basics", "Business details", steps.GetValueOrDefault(OnboardingSteps.BusinessBasics) == OnboardingStepStatus.Completed
                    && !string.IsNullOrWhiteSpace(tenant.Email) && !string.IsNullOrWhiteSpace(tenant.Phone),
                "Brand, contact email and phone, time zone and service area are saved.", Fix(OnboardingSteps.BusinessBasics)),
            new("business_hours", "Business hours", settings.BusinessHours.Values.Any(d => !d.Closed),
                "At least one day a week is open for bookings.", Fix(OnboardingSteps.BusinessBasics)),
            new("services", "Services", activeServices > 0,
                activeServices > 0 ? $"{activeServices} priced service{(activeServices == 1 ? "" : "s")} customers can book." : "Add at least one priced service customers can book.",
                Fix(OnboardingSteps.IndustryPack)),
        };

        void RequireIntegration(string flag, string provider, string label, string step, Func<TenantIntegration, string?>? extra = null)
        {
            if (!flags.GetValueOrDefault(flag))
            {
                return;
            }

            var row = integrations.GetValueOrDefault(provider);
            var active = row?.Status == IntegrationStatus.Active;
            var problem = !active
                ? row?.LastError ?? "Not connected yet."
                : extra?.Invoke(row!);
            items.Add(new(provider, label, problem is null, problem ?? row!.LastSummary ?? "Connected.", Fix(step)));
        }

        RequireIntegration(FeatureFlags.Sms, "twilio", "Twilio texting", OnboardingSteps.Twilio,
            row => row.Findings.GetValueOrDefault("sms_capable") == "false" ? "Your Twilio number can't send SMS." : null);
        if (flags.GetValueOrDefault(FeatureFlags.Sms))
        {
            var approved = a2p?.Status == "approved";
            items.Add(new("a2p", "Texting registration (A2P)", approved, a2p switch
            {
                null => "Not submitted yet. Carriers block unregistered business texts.",
                { Status: "approved" } => "Approved by the carriers.",
                { Status: "failed" } => a2p.FailureReason ?? "The carriers rejected the registration; edit and submit again.",
                { Status: "draft" } => "Drafted but not submitted yet.",
                _ => "Submitted; waiting for the carriers' review (this can take a few days).",
            }, Fix(OnboardingSteps.A2p)));
        }

        RequireIntegration(FeatureFlags.CalendarSync, "google", "Google Calendar", OnboardingSteps.Google);
        RequireIntegration(FeatureFlags.OnlinePayments, "stripe", "Stripe payments", OnboardingSteps.Stripe,
            row => row.Findings.GetValueOrDefault("charges_enabled") == "false"
                ? "Stripe hasn't enabled charges on your account yet; finish activation in your Stripe dashboard." : null);
        RequireIntegration(FeatureFlags.AiAssistant, "openai", "AI assistant (OpenAI)", OnboardingSteps.OpenAi);
        RequireIntegration(FeatureFlags.Email, "sendgrid", "Email (SendGrid)", OnboardingSteps.SendGrid);

        return new PreflightReport(items.All(i => i.Ok), items);
    }

    private static string Fix(string step) => WizardSteps.Find(step)!.Path;
}
