using Microsoft.AspNetCore.Http.HttpResults;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Onboarding;

public sealed record ChoosePackRequest([Text(64)] string? Pack);

public sealed record SkipResponse(string Step, string Consequence, OnboardingView Onboarding);

public sealed record GoLiveResponse(string Status, DateTimeOffset? GoLiveAt, PreflightReport Preflight);

/// <summary>The onboarding wizard (seed §6) as an API; the admin pages call the same services.</summary>
public static class OnboardingEndpoints
{
    public static RouteGroupBuilder MapOnboardingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/onboarding").WithTags("Onboarding").RequireAuthorization(Policies.TenantAdmin);
        group.MapGet("/", (OnboardingWizard wizard, CancellationToken ct) => wizard.GetAsync(ct))
            .WithName("getOnboarding")
            .WithSummary("The nine steps, each pending, completed or skipped, and the step to resume at.");
        group.MapGet("/business-basics", (OnboardingWizard wizard, CancellationToken ct) => wizard.GetBasicsAsync(ct))
            .WithName("getBusinessBasics")
            .WithSummary("Step 1 as saved so far.");
        group.MapPut("/business-basics", SaveBasics).WithName("saveBusinessBasics").WithSummary("Step 1: brand, colors, logo, contact, time zone, service area, hours.");
        group.MapPut("/industry-pack", ChoosePack).WithName("chooseIndustryPack").WithSummary("Step 2: put the business on a pack (services, templates, flags).");
        group.MapPost("/steps/{step}/skip", Skip).WithName("skipOnboardingStep").WithSummary("Skip an optional step; its capability is switched off until the step is done.");
        group.MapGet("/a2p", (A2pRegistrations a2p, CancellationToken ct) => a2p.GetAsync(ct))
            .WithName("getA2pCampaign")
            .WithSummary("Step 4: the A2P campaign (drafted on first visit) and the checks it must pass.");
        group.MapPut("/a2p", EditA2p).WithName("editA2pCampaign").WithSummary("Save edits to the A2P campaign.");
        group.MapPost("/a2p/redraft", RedraftA2p).WithName("redraftA2pCampaign").WithSummary("Replace the campaign with a fresh draft from the current brand and pack.");
        group.MapPost("/a2p/submit", SubmitA2p).WithName("submitA2pCampaign").WithSummary("Check and submit the campaign; a background job files it with Twilio and follows the review.");
        group.MapGet("/preflight", (OnboardingWizard wizard, CancellationToken ct) => wizard.PreflightAsync(ct))
            .WithName("getPreflight")
            .WithSummary("Step 9: the live go-live checklist, each item with a link to fix it.");
        group.MapPost("/go-live", GoLive).WithName("goLive").WithSummary("Open the business for bookings; refused until preflight is green when the tenant requires it.");
        return group;
    }

    private static async Task<Results<Ok<OnboardingView>, ValidationProblem>> SaveBasics(
        BusinessBasics basics, OnboardingWizard wizard, HttpContext http, CancellationToken ct)
    {
        var result = await wizard.SaveBasicsAsync(basics, ServiceProClaims.ActorOf(http.User), ct);
        return result.Outcome == WizardOutcome.Invalid ? Problems.Invalid(result.Errors) : TypedResults.Ok(await wizard.GetAsync(ct));
    }

    private static async Task<Results<Ok<OnboardingView>, ValidationProblem, ConflictProblem>> ChoosePack(
        ChoosePackRequest request, OnboardingWizard wizard, HttpContext http, CancellationToken ct) =>
        Answer(await wizard.ChoosePackAsync(request.Pack, ServiceProClaims.ActorOf(http.User), ct), await wizard.GetAsync(ct));

    private static async Task<Results<Ok<SkipResponse>, ValidationProblem, ConflictProblem>> Skip(
        string step, OnboardingWizard wizard, HttpContext http, CancellationToken ct)
    {
        var result = await wizard.SkipAsync(step, ServiceProClaims.ActorOf(http.User), ct);
        return result.Outcome switch
        {
            WizardOutcome.Invalid => Problems.Invalid(result.Errors),
            WizardOutcome.Conflict => Problems.Conflict(result.Detail!),
            _ => TypedResults.Ok(new SkipResponse(step, WizardSteps.Find(step)!.SkipConsequence!, await wizard.GetAsync(ct))),
        };
    }

    private static async Task<Results<Ok<A2pView>, ValidationProblem, ConflictProblem>> EditA2p(
        A2pCampaignDraft campaign, A2pRegistrations a2p, HttpContext http, CancellationToken ct)
    {
        // Before the service runs: its first visit saves a draft, and its edit an audit entry.
        if (A2pRules.CheckShape(campaign) is { Count: > 0 } malformed)
        {
            return Problems.Invalid(malformed);
        }

        var (view, conflict) = await a2p.UpdateAsync(campaign, ServiceProClaims.ActorOf(http.User), ct);
        return view is null ? Problems.Conflict(conflict!) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<A2pView>, ConflictProblem>> RedraftA2p(A2pRegistrations a2p, HttpContext http, CancellationToken ct)
    {
        var (view, conflict) = await a2p.RedraftAsync(ServiceProClaims.ActorOf(http.User), ct);
        return view is null ? Problems.Conflict(conflict!) : TypedResults.Ok(view);
    }

    private static async Task<Results<Accepted<A2pView>, ValidationProblem, ConflictProblem>> SubmitA2p(
        A2pRegistrations a2p, HttpContext http, CancellationToken ct)
    {
        var (view, problems, conflict) = await a2p.SubmitAsync(ServiceProClaims.ActorOf(http.User), ct);
        if (conflict is not null)
        {
            return Problems.Conflict(conflict);
        }

        return problems.Count > 0 ? Problems.Invalid(problems) : TypedResults.Accepted("/api/onboarding/a2p", view!);
    }

    private static async Task<Results<Ok<GoLiveResponse>, ConflictProblem>> GoLive(OnboardingWizard wizard, HttpContext http, CancellationToken ct)
    {
        var (result, report) = await wizard.GoLiveAsync(ServiceProClaims.ActorOf(http.User), ct);
        if (result.Outcome == WizardOutcome.Conflict)
        {
            return Problems.Conflict("Not ready to go live", result.Detail!,
                new Dictionary<string, object?> { ["preflight"] = report });
        }

        var state = await wizard.GetAsync(ct);
        return TypedResults.Ok(new GoLiveResponse(state.TenantStatus, state.GoLiveAt, report));
    }

    private static Results<Ok<OnboardingView>, ValidationProblem, ConflictProblem> Answer(WizardResult result, OnboardingView view) =>
        result.Outcome switch
        {
            WizardOutcome.Invalid => Problems.Invalid(result.Errors),
            WizardOutcome.Conflict => Problems.Conflict(result.Detail!),
            _ => TypedResults.Ok(view),
        };
}
