namespace ServicePro.Tests.Isolation;

internal static class TenantTables
{
    /// <summary>Every tenant-owned table; the catalog test fails if a table with tenant_id is missing here.</summary>
    public static readonly string[] Names =
        ["tenant_settings", "tenant_integrations", "staff_memberships", "services", "customers", "audit_log", "tenant_secrets",
         "onboarding_progress", "a2p_registrations", "message_templates", "customer_assets", "technicians", "technician_skills",
         "technician_shifts", "time_off_requests", "time_entries", "bookings", "booking_series", "series_occurrences", "booking_notices",
         "idempotency_keys", "weather_risks", "domain_events"];
}
