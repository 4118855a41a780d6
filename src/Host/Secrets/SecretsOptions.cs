namespace ServicePro.Host.Secrets;

/// <summary>The "ServicePro:Secrets" configuration section.</summary>
public sealed class SecretsOptions
{
    public const string Section = "ServicePro:Secrets";

    /// <summary>Key-encryption keys by version, as 64 hex characters (32 bytes): ServicePro:Secrets:Keys:1 = "…".</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>Key files by version, each holding 64 hex characters: ServicePro:Secrets:KeyFiles:2 = "/run/secrets/kek-2".</summary>
    public Dictionary<string, string> KeyFiles { get; set; } = [];

    /// <summary>The version new secrets are wrapped with; defaults to the highest configured.</summary>
    public int? ActiveVersion { get; set; }

    /// <summary>Embedded (SQLite) runs only: where the generated local key lives. Default App_Data/master-key-v1.hex.</summary>
    public string? LocalKeyFile { get; set; }
}
