using Npgsql;

namespace ServicePro.Host.Persistence;

/// <summary>
/// Tables on PostgreSQL that are not EF Core's (a library's own schema, such as Hangfire's): installed and upgraded by
/// the owner role right after the migrations, with the application role given what it needs and no more.
/// </summary>
public interface IOwnedSchema
{
    /// <param name="owner">An open connection as the owner role.</param>
    /// <param name="appRole">The application role's name, quoted as an identifier.</param>
    Task InstallAsync(NpgsqlConnection owner, string appRole, CancellationToken ct);
}
