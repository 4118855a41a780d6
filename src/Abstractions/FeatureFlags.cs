namespace ServicePro.Abstractions;

/// <summary>
/// Names of the per-tenant feature flags (seed §2.1, migration 0002). Packs use them in
/// <see cref="IIndustryPack.FeatureDefaults"/>; the host owns their platform defaults.
/// </summary>
public static class FeatureFlags
{
    public const string WhiteLabel = "wl_enabled";
    public const string Widget = "wl_widget_enabled";
    public const string GeneratorValidator = "wl_generator_validator_enabled";
    public const string DocsCms = "docs_cms_enabled";
    public const string RequirePreflightGreenForLive = "require_preflight_green_for_live";
    public const string AiBioCoach = "ai_bio_coach_enabled";
    public const string OnTheWayPhotos = "otw_photos_enabled";
    public const string ThirdPartyBilling = "third_party_billing_enabled";
    public const string LoyaltyProgram = "loyalty_program_enabled";
    public const string WeatherRescheduling = "weather_rescheduling_enabled";
    public const string MultiChannelMessaging = "multi_channel_messaging_enabled";
    public const string RecurringServices = "recurring_services_enabled";

    // Since 1.1: capabilities that need one of the tenant's own integrations. Skipping that integration's
    // onboarding step turns its flag off; connecting it turns the flag back on.
    public const string Sms = "sms_enabled";
    public const string AiAssistant = "ai_assistant_enabled";
    public const string OnlinePayments = "online_payments_enabled";
    public const string Email = "email_enabled";
    public const string CalendarSync = "calendar_sync_enabled";
}
