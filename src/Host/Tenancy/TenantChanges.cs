using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using ServicePro.Host.Features;
using ServicePro.Host.Hosting;
using ServicePro.Host.Persistence;

namespace ServicePro.Host.Tenancy;

/// <summary>
/// Keeps every instance's tenant and flag caches honest. A change evicts this instance's entries at once and,
/// on PostgreSQL, tells every other instance through NOTIFY on <see cref="Channel"/>; each instance LISTENs
/// and evicts the same entries, so an operator's change applies on the tenant's next request everywhere.
/// </summary>
public sealed class TenantChanges(
    TenantDirectory directory,
    TenantFlagStore flags,
    IMemoryCache cache,
    DatabaseConnections connections,
    ILogger<TenantChanges> logger) : BackgroundService
{
    public const string Channel = "servicepro_tenant_changed";

    /// <summary>Call after the change is committed.</summary>
    public async Task PublishAsync(ServiceProDbContext db, Guid tenantId, string slug, string? customDomain, CancellationToken ct)
    {
        Evict(tenantId, slug, customDomain);
        if (connections.Provider == DatabaseProvider.Postgres)
        {
            var payload = $"{tenantId:N}|{slug}|{customDomain}";
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (connections.Provider != DatabaseProvider.Postgres)
        {
            return; // The embedded database serves one process; local eviction is enough.
        }

        var listen = new NpgsqlConnectionStringBuilder(connections.App) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        var backoff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listen);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Apply(e.Payload);
                await using (var command = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever changed while we were not listening is unknown: start from an empty cache.
                (cache as MemoryCache)?.Compact(1.0);
                backoff = TimeSpan.FromSeconds(1);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
            {
                logger.LogWarning(ex, "Lost the tenant-change feed; cached tenants may be stale for up to a minute. Reconnecting in {Delay}", backoff);
                await Task.Delay(backoff, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private void Apply(string payload)
    {
        var parts = payload.Split('|');
        if (parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out var id))
        {
            Evict(id, parts[1], parts[2].Length == 0 ? null : parts[2]);
        }
    }

    private void Evict(Guid tenantId, string slug, string? customDomain)
    {
        directory.Evict(slug, customDomain);
        flags.Evict(tenantId);
    }
}
