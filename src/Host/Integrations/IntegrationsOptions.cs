namespace ServicePro.Host.Integrations;

/// <summary>The "ServicePro:Integrations" section: how the host calls tenants' outside services.</summary>
public sealed class IntegrationsOptions
{
    public const string Section = "ServicePro:Integrations";

    /// <summary>
    /// Base-address overrides by provider key, then endpoint name, e.g.
    /// <c>ServicePro:Integrations:Endpoints:twilio:api = http://127.0.0.1:5199/</c>. Unset: the provider's own.
    /// </summary>
    public Dictionary<string, Dictionary<string, Uri>> Endpoints { get; set; } = [];

    /// <summary>How long one attempt may take before it is abandoned.</summary>
    public double AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>How long a call may take including every retry.</summary>
    public double TotalTimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after a 429 or 5xx, with exponential backoff and jitter (Retry-After is honored).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; later ones double.</summary>
    public double RetryDelaySeconds { get; set; } = 1;

    /// <summary>How often a submitted A2P registration's status is checked until the carriers decide.</summary>
    public double A2pPollIntervalSeconds { get; set; } = 1800;
}
