namespace ServicePro.Host.Tenancy;

public enum TenantStatus
{
    Pending,
    Onboarding,
    Active,
    Suspended,
    Deleted,
}

/// <summary>A business on the platform (seed §2.1, migration 0001). Platform-level: not tenant-owned itself.</summary>
public sealed class Tenant
{
    /// <summary>Clean Machine Auto Detail, the business the platform grew out of.</summary>
    public static readonly Guid RootId = Guid.Parse("00000000-0000-0000-0000-000000000001");

    public Guid Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string BrandName { get; set; }
    public string? CustomDomain { get; set; }

    /// <summary>Slug of the industry pack the tenant runs on ("custom" when none fits).</summary>
    public required string Industry { get; set; }

    public TenantStatus Status { get; set; } = TenantStatus.Pending;
    public string Timezone { get; set; } = "America/Chicago";

    public string? LogoUrl { get; set; }
    public string PrimaryColor { get; set; } = "#3B82F6";
    public string SecondaryColor { get; set; } = "#8B5CF6";

    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }

    /// <summary>
    /// The first wizard step not yet completed or skipped (Onboarding's <c>OnboardingSteps</c>, which keeps it); per-step
    /// progress is in onboarding_progress.
    /// </summary>
    public string OnboardingStep { get; set; } = "business_basics";
    public bool OnboardingCompleted { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? GoLiveAt { get; set; }
    public DateTimeOffset? LastActiveAt { get; set; }
}
