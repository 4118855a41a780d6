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

    /// <summary>The first wizard step not yet completed or skipped; per-step progress is in onboarding_progress.</summary>
    public string OnboardingStep { get; set; } = OnboardingSteps.BusinessBasics;
    public bool OnboardingCompleted { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? GoLiveAt { get; set; }
    public DateTimeOffset? LastActiveAt { get; set; }
}

/// <summary>The seed's nine onboarding steps (§6), in order.</summary>
public static class OnboardingSteps
{
    public const string BusinessBasics = "business_basics";
    public const string IndustryPack = "industry_pack";
    public const string Twilio = "twilio";
    public const string A2p = "a2p";
    public const string Google = "google";
    public const string Stripe = "stripe";
    public const string OpenAi = "openai";
    public const string SendGrid = "sendgrid";
    public const string Preflight = "preflight";

    public static IReadOnlyList<string> All { get; } =
        [BusinessBasics, IndustryPack, Twilio, A2p, Google, Stripe, OpenAi, SendGrid, Preflight];
}
