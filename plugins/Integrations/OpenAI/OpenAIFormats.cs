using System.Text.RegularExpressions;

namespace ServicePro.Integrations.OpenAI;

/// <summary>What OpenAI's keys, model ids and organization ids look like.</summary>
internal static partial class OpenAIFormats
{
    /// <summary>Legacy user keys (sk-...), project keys (sk-proj-...) and service-account keys (sk-svcacct-...).</summary>
    [GeneratedRegex("^sk-[A-Za-z0-9_-]{20,}$")]
    public static partial Regex ApiKey();

    /// <summary>Admin keys manage the organization; they can't call models.</summary>
    public const string AdminKeyPrefix = "sk-admin-";

    /// <summary>Plain ids (gpt-4o-mini) and fine-tuned ones (ft:gpt-4o-mini-2024-07-18:acme::AbC123).</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")]
    public static partial Regex Model();

    [GeneratedRegex("^org-[A-Za-z0-9]{8,}$")]
    public static partial Regex Organization();
}
