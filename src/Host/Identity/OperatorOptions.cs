namespace ServicePro.Host.Identity;

/// <summary>The section <c>ServicePro:Operator</c>.</summary>
public sealed class OperatorOptions
{
    public const string Section = "ServicePro:Operator";

    /// <summary>Bearer key for /api/platform/. Unset: only signed-in operators may call it.</summary>
    public string? ApiKey { get; set; }
}
