namespace ServicePro.Host.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The section <c>ServicePro:Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "ServicePro:Database";

    /// <summary>Sqlite is the embedded default for a first run; Postgres is production.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up (the `migrate` command does it on demand).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
