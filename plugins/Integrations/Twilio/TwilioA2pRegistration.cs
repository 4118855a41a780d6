using ServicePro.Abstractions.Integrations;

namespace ServicePro.Integrations.Twilio;

/// <summary>
/// A2P 10DLC registration through Twilio: brand (from the tenant's two Trust Hub bundles), Messaging Service with
/// the tenant's number in it, then the campaign once the brand is APPROVED. Background jobs repeat these calls,
/// so every step with an id in the state is never created again.
/// </summary>
internal static class TwilioA2pRegistration
{
    // Twilio caps a Messaging Service's friendly name at 64 characters.
    private const int FriendlyNameLimit = 64;

    public static async Task<A2pRegistrationState> SubmitAsync(
        IntegrationContext context, A2pCampaign campaign, A2pRegistrationState state, CancellationToken cancellationToken)
    {
        var settings = TwilioSettings.From(context.Values);
        var progress = new A2pProgress(state);
        try
        {
            var refusal = await SubmitStepsAsync(settings.Client(context), settings, context.Tenant, campaign, progress, cancellationToken);
            return refusal is null ? progress.Outcome() : progress.Refused(refusal);
        }
        catch (Exception ex) when (progress.CreatedSomething && ex is TwilioApiException or HttpRequestException or OperationCanceledException)
        {
            // Twilio already holds what this call created; throwing would lose those ids and the next attempt
            // would create duplicates. The next submit carries on from here.
            return progress.Outcome();
        }
    }

    public static async Task<A2pRegistrationState> RefreshAsync(
        IntegrationContext context, A2pRegistrationState state, CancellationToken cancellationToken)
    {
        var progress = new A2pProgress(state);
        if (!progress.Has(A2pProgress.BrandStep))
        {
            return state;
        }

        var client = TwilioSettings.From(context.Values).Client(context);
        await ObserveBrandAsync(client, progress, cancellationToken);
        if (progress.Id(A2pProgress.CampaignStep) is { } campaignSid && progress.Id(A2pProgress.MessagingServiceStep) is { } serviceSid)
        {
            var campaign = await client.GetUsAppToPersonAsync(serviceSid, campaignSid, cancellationToken);
            progress.Observed(A2pProgress.CampaignStep, campaign.CampaignStatus,
                () => A2pFailureReasons.CampaignRejected(campaign.CampaignStatus, campaign.Errors));
        }

        var outcome = progress.Outcome();
        // A refusal (say, a campaign Twilio would not take) shows in no status word; only a new submit clears it.
        var refusedEarlier = state.Status == A2pRegistrationState.Failed && !state.StepStatuses.Values.Any(A2pProgress.IsFailedWord);
        return refusedEarlier && outcome.Status is not (A2pRegistrationState.Failed or A2pRegistrationState.Approved)
            ? outcome with { Status = A2pRegistrationState.Failed, FailureReason = state.FailureReason }
            : outcome;
    }

    /// <summary>Runs every step not done yet; returns why Twilio refused one, or null.</summary>
    private static async Task<string?> SubmitStepsAsync(
        TwilioRestClient client, TwilioSettings settings, TenantProfile tenant, A2pCampaign campaign, A2pProgress progress, CancellationToken cancellationToken)
    {
        if (!progress.Has(A2pProgress.BrandStep))
        {
            if (settings.CustomerProfileBundleSid is not { } customerProfile || settings.A2pProfileBundleSid is not { } a2pProfile)
            {
                return A2pFailureReasons.MissingTrustHubProfiles;
            }

            try
            {
                var brand = await client.CreateBrandRegistrationAsync(customerProfile, a2pProfile, cancellationToken);
                progress.Created(A2pProgress.BrandStep, brand.Sid);
                progress.Observed(A2pProgress.BrandStep, brand.Status, () => A2pFailureReasons.BrandRejected(brand.Status, brand.FailureReason));
            }
            catch (TwilioApiException ex) when (IsRefusal(ex))
            {
                return A2pFailureReasons.BrandRefused(ex.TwilioMessage);
            }
        }
        else if (!progress.Has(A2pProgress.CampaignStep))
        {
            // The campaign waits for brand approval, which only Twilio knows about.
            await ObserveBrandAsync(client, progress, cancellationToken);
        }

        if (A2pProgress.IsFailedWord(progress.Status(A2pProgress.BrandStep)))
        {
            return null;
        }

        return await EnsureMessagingServiceAsync(client, settings, tenant, progress, cancellationToken)
            ?? await EnsureNumberInServiceAsync(client, settings, progress, cancellationToken)
            ?? await EnsureCampaignAsync(client, campaign, progress, cancellationToken);
    }

    private static async Task<string?> EnsureMessagingServiceAsync(
        TwilioRestClient client, TwilioSettings settings, TenantProfile tenant, A2pProgress progress, CancellationToken cancellationToken)
    {
        if (progress.Has(A2pProgress.MessagingServiceStep))
        {
            return null;
        }

        if (settings.MessagingServiceSid is { } configured)
        {
            progress.Adopted(A2pProgress.MessagingServiceStep, configured);
            return null;
        }

        try
        {
            var service = await client.CreateMessagingServiceAsync(FriendlyName(tenant.BrandName), cancellationToken);
            progress.Created(A2pProgress.MessagingServiceStep, service.Sid);
            return null;
        }
        catch (TwilioApiException ex) when (IsRefusal(ex))
        {
            return A2pFailureReasons.MessagingServiceRefused(ex.TwilioMessage);
        }
    }

    private static async Task<string?> EnsureNumberInServiceAsync(
        TwilioRestClient client, TwilioSettings settings, A2pProgress progress, CancellationToken cancellationToken)
    {
        if (progress.Has(A2pProgress.PhoneNumberStep))
        {
            return null;
        }

        var number = await client.FindIncomingPhoneNumberAsync(settings.PhoneNumber, cancellationToken);
        if (number is null)
        {
            return A2pFailureReasons.NumberNotOnAccount(settings.PhoneNumber);
        }

        try
        {
            await client.AddPhoneNumberToServiceAsync(progress.Id(A2pProgress.MessagingServiceStep)!, number.Sid, cancellationToken);
        }
        catch (TwilioApiException ex) when (ex.Code == TwilioApiException.PhoneNumberAlreadyInService)
        {
            // Already in this service (added by hand, or by an attempt whose answer got lost): the step is done.
        }
        catch (TwilioApiException ex) when (IsRefusal(ex))
        {
            return A2pFailureReasons.NumberRefused(settings.PhoneNumber, ex.TwilioMessage);
        }

        progress.Created(A2pProgress.PhoneNumberStep, number.Sid);
        return null;
    }

    private static async Task<string?> EnsureCampaignAsync(
        TwilioRestClient client, A2pCampaign campaign, A2pProgress progress, CancellationToken cancellationToken)
    {
        if (progress.Has(A2pProgress.CampaignStep) || !progress.StepIs(A2pProgress.BrandStep, "APPROVED"))
        {
            return null;
        }

        try
        {
            var created = await client.CreateUsAppToPersonAsync(
                progress.Id(A2pProgress.MessagingServiceStep)!, progress.Id(A2pProgress.BrandStep)!, campaign, MessageFlow(campaign), cancellationToken);
            progress.Created(A2pProgress.CampaignStep, created.Sid);
            progress.Observed(A2pProgress.CampaignStep, created.CampaignStatus,
                () => A2pFailureReasons.CampaignRejected(created.CampaignStatus, created.Errors));
            return null;
        }
        catch (TwilioApiException ex) when (IsRefusal(ex))
        {
            return A2pFailureReasons.CampaignRefused(ex.TwilioMessage);
        }
    }

    private static async Task ObserveBrandAsync(TwilioRestClient client, A2pProgress progress, CancellationToken cancellationToken)
    {
        var brand = await client.GetBrandRegistrationAsync(progress.Id(A2pProgress.BrandStep)!, cancellationToken);
        progress.Observed(A2pProgress.BrandStep, brand.Status, () => A2pFailureReasons.BrandRejected(brand.Status, brand.FailureReason));
    }

    /// <summary>
    /// Reviewers look for the privacy policy and terms in the opt-in description (MessageFlow), and none of the
    /// campaign fields sent here has a place for them, so they are added there unless the owner already wrote them in.
    /// </summary>
    private static string MessageFlow(A2pCampaign campaign)
    {
        var flow = campaign.MessageFlow.Trim();
        foreach (var (label, url) in new[] { ("Privacy policy", campaign.PrivacyPolicyUrl), ("Terms and conditions", campaign.TermsUrl) })
        {
            if (url is { Length: > 0 } && !flow.Contains(url, StringComparison.OrdinalIgnoreCase))
            {
                flow += $" {label}: {url}";
            }
        }

        return flow;
    }

    private static string FriendlyName(string brandName) =>
        brandName.Length <= FriendlyNameLimit ? brandName : brandName[..FriendlyNameLimit];

    /// <summary>Twilio looked at the request and said no: the owner must change something. Outages and bad credentials are thrown instead.</summary>
    private static bool IsRefusal(TwilioApiException ex) => !ex.IsTransient && !ex.IsAuthenticationFailure;
}
