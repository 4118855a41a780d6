using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ServicePro.Host.Persistence;

/// <summary>
/// The third isolation layer, for PostgreSQL: every time EF opens a connection it sets app.tenant_id, which
/// the row-level-security policies compare with tenant_id. The setting is written on every open — to the
/// empty string when there is no tenant, which the policies treat as "no rows" — so a pooled connection
/// can never carry a previous request's tenant even if the pool's own reset were turned off.
/// </summary>
public sealed class TenantConnectionInterceptor : DbConnectionInterceptor
{
    public const string SettingName = "app.tenant_id";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection, eventData);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection, eventData);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand CreateCommand(DbConnection connection, ConnectionEndEventData eventData)
    {
        var tenant = eventData.Context is ServiceProDbContext { HasTenant: true } db
            ? db.CurrentTenantId.ToString()
            : string.Empty;
        var command = connection.CreateCommand();
        command.CommandText = $"SELECT set_config('{SettingName}', @tenant, false)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "tenant";
        parameter.Value = tenant;
        command.Parameters.Add(parameter);
        return command;
    }
}
