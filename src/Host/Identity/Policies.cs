namespace ServicePro.Host.Identity;

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    public const string TenantMember = "TenantMember";
    public const string TenantAdmin = "TenantAdmin";
    public const string PlatformOperator = "PlatformOperator";
}
