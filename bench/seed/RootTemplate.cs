using System.Text.Json;
using Npgsql;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Bench.Seed;

/// <summary>What the bench tenants take from ROOT, as the host seeded it from its industry pack.</summary>
/// <param name="RaceService">ROOT's service the contended bookings are for: the one nearest an hour long.</param>
public sealed record RootTemplate(SchedulerConfig SchedulerConfig, ServiceArea ServiceArea, IReadOnlyList<ServicePlan> Services, Guid RaceService)
{
    /// <remarks>Row-level security must not be forced on tenant_settings and services (it is not, during the seed).</remarks>
    public static async Task<RootTemplate> ReadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT scheduler_config::text, service_area::text FROM tenant_settings WHERE tenant_id = @root;
            SELECT id, duration_minutes, is_active, price_min FROM services WHERE tenant_id = @root ORDER BY sort_order, id;
            """, connection);
        command.Parameters.AddWithValue("root", Tenant.RootId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            throw new InvalidOperationException("ROOT has no settings: run the host's migrate command on this database first.");
        }

        var config = JsonSerializer.Deserialize<SchedulerConfig>(reader.GetString(0), JsonColumns.SerializerOptions)!;
        var area = JsonSerializer.Deserialize<ServiceArea>(reader.GetString(1), JsonColumns.SerializerOptions)!;
        await reader.NextResultAsync(ct);
        var services = new List<ServicePlan>();
        while (await reader.ReadAsync(ct))
        {
            services.Add(new ServicePlan(reader.GetGuid(0), reader.GetGuid(0), reader.GetInt32(1), reader.GetBoolean(2), reader.GetDecimal(3)));
        }

        var active = services.Where(s => s.IsActive).ToList();
        if (active.Count == 0)
        {
            throw new InvalidOperationException("ROOT has no active services to copy.");
        }

        return new RootTemplate(config, area, services, active.MinBy(s => Math.Abs(s.DurationMinutes - 60))!.Id);
    }
}
