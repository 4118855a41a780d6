namespace ServicePro.Host.Hosting;

/// <summary>The "ServicePro" configuration section.</summary>
public sealed class ServiceProOptions
{
    public const string Section = "ServicePro";

    /// <summary>Tenants without a custom domain answer at {slug}.{BaseDomain}.</summary>
    public string BaseDomain { get; set; } = "servicepro.localhost";

    /// <summary>Host names that reach the platform itself (operators, health, docs) rather than a tenant.</summary>
    public List<string> PlatformHosts { get; set; } = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>An extra folder of plugin folders, scanned after the built-in ones: where partners drop packs.</summary>
    public string? PluginsPath { get; set; }

    public DatabaseOptions Database { get; set; } = new();

    public OperatorOptions Operator { get; set; } = new();

    public RateLimitOptions RateLimits { get; set; } = new();

    public SignUpOptions SignUp { get; set; } = new();
}

public sealed class SignUpOptions
{
    /// <summary>Businesses may open their own account at /signup; otherwise only operators create tenants.</summary>
    public bool Enabled { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    /// <summary>Sqlite is the embedded default for a first run; Postgres is production.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up (the `migrate` command does it on demand).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public sealed class OperatorOptions
{
    /// <summary>Bearer key for /api/platform/. Unset: only signed-in operators may call it.</summary>
    public string? ApiKey { get; set; }
}

public sealed class RateLimitOptions
{
    public int PublicPerMinute { get; set; } = 300;
    public int SignInPerMinute { get; set; } = 20;
}
