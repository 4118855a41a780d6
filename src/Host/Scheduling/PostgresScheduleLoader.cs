using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using NpgsqlTypes;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Scheduling;

/// <summary>
/// Reads a <see cref="ScheduleSnapshot"/> from PostgreSQL in one prepared batch: one database round trip per
/// availability request, which is what makes availability cheap enough to ask on every keystroke of a booking
/// form (ADR 0010).
/// </summary>
/// <remarks>
/// <para>The batch's first statement sets the tenant for row-level security, local to the batch's own implicit
/// transaction, so the read goes straight to a connection of the application's pool (the one EF Core uses) without
/// EF Core and without <see cref="TenantConnectionInterceptor"/>'s separate round trip. The statements are prepared
/// once per pooled connection and afterwards only bound and executed: PostgreSQL does not parse and plan them again.</para>
/// <para>What rarely changes — settings, services, technicians with their skills and shifts — is kept in memory per
/// tenant as a <see cref="TenantSchedule"/> stamped with tenant_settings.schedule_version, which database triggers raise
/// on any change to those rows. Every read asks for the version and gets the rows only when it moved, in the same
/// statement, so a change made through any instance counts on the next request everywhere.</para>
/// <para>The SQL mirrors the EF configurations of those tables; tenant_id is compared explicitly as well as by
/// row-level security so the planner uses the (tenant_id, ...) indexes.</para>
/// </remarks>
public sealed class PostgresScheduleLoader(DatabaseConnections connections, ITenantContext tenant, IMemoryCache cache) : IScheduleLoader
{
    /// <summary>How long an unused tenant's schedule stays in memory.</summary>
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    private const string SetTenant = $"SELECT set_config('{TenantConnectionInterceptor.SettingName}', $1, true)";

    // $1 tenant, $2 the version held in memory (-1 for none). The rest as one JSON document (snake_case, as JsonColumns
    // writes), only when the version moved.
    private const string Schedule =
        """
        SELECT s.schedule_version,
               CASE WHEN s.schedule_version <> $2 THEN json_build_object(
                   'service_area', s.service_area, 'business_hours', s.business_hours, 'scheduler_config', s.scheduler_config,
                   'services', (SELECT coalesce(json_agg(json_build_object(
                                   'id', v.id, 'name', v.name, 'description', v.description, 'price_min', v.price_min,
                                   'price_max', v.price_max, 'duration_minutes', v.duration_minutes,
                                   'max_duration_minutes', v.max_duration_minutes, 'is_outdoor', v.is_outdoor,
                                   'pack_service_key', v.pack_service_key, 'is_active', v.is_active)), '[]')
                                  FROM services v WHERE v.tenant_id = s.tenant_id),
                   'technicians', (SELECT coalesce(json_agg(json_build_object(
                                      'id', t.id,
                                      'skills', (SELECT coalesce(json_agg(k.service_id), '[]') FROM technician_skills k
                                                  WHERE k.tenant_id = t.tenant_id AND k.technician_id = t.id),
                                      'shifts', (SELECT coalesce(json_agg(json_build_object('weekday', h.weekday, 'start', h.start, 'end', h."end")), '[]')
                                                   FROM technician_shifts h WHERE h.tenant_id = t.tenant_id AND h.technician_id = t.id))
                                      ORDER BY t.name, t.id), '[]')
                                     FROM technicians t WHERE t.tenant_id = s.tenant_id AND t.is_active))::text
               END
          FROM tenant_settings s
         WHERE s.tenant_id = $1
        """;

    // $1 tenant, $2 technician or null, $3 from, $4 to
    private const string TimeOff =
        """
        SELECT technician_id, starts_at, ends_at FROM time_off_requests
         WHERE tenant_id = $1 AND status = 'approved' AND starts_at < $4 AND ends_at > $3
           AND ($2::uuid IS NULL OR technician_id = $2)
        """;

    // $1 tenant, $2 technician or null, $3 from, $4 to, $5 earliest start, $6 booking to leave out or null.
    // The statuses are Booking.HoldingTime.
    private const string Appointments =
        """
        SELECT technician_id, starts_at, ends_at FROM bookings
         WHERE tenant_id = $1 AND status IN ('pending', 'confirmed', 'completed')
           AND starts_at < $4 AND starts_at > $5 AND ends_at > $3
           AND ($2::uuid IS NULL OR technician_id = $2) AND ($6::uuid IS NULL OR id <> $6)
        """;

    public async Task<ScheduleSnapshot?> LoadAsync(ScheduleWindow window, CancellationToken ct)
    {
        var tenantId = tenant.TenantId ?? throw new InvalidOperationException("Schedules are read for a tenant.");
        var cacheKey = (nameof(TenantSchedule), tenantId);
        var held = cache.Get<TenantSchedule>(cacheKey);

        await using var connection = new NpgsqlConnection(connections.App);
        await connection.OpenAsync(ct);
        await using var batch = connection.CreateBatch();
        Add(batch, SetTenant, Text(tenantId.ToString()));
        Add(batch, Schedule, Uuid(tenantId), new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = held?.Version ?? -1 });
        Add(batch, TimeOff, Uuid(tenantId), Uuid(window.TechnicianId), Instant(window.From), Instant(window.To));
        Add(batch, Appointments, Uuid(tenantId), Uuid(window.TechnicianId), Instant(window.From), Instant(window.To),
            Instant(window.EarliestBookingStart), Uuid(window.IgnoreBookingId));
        // A no-op, without a round trip, on a pooled connection that has prepared these statements before.
        await batch.PrepareAsync(ct);
        await using var reader = await batch.ExecuteReaderAsync(ct);

        await reader.NextResultAsync(ct); // past set_config's row
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var version = reader.GetInt64(0);
        if (held?.Version != version)
        {
            held = TenantSchedule.FromJson(tenantId, version, reader.GetString(1));
            cache.Set(cacheKey, held, new MemoryCacheEntryOptions { SlidingExpiration = KeptFor });
        }

        var team = new TeamBuilder();
        foreach (var technician in held.Technicians)
        {
            if ((window.TechnicianId is not { } only || technician.Id == only)
                && (technician.Skills.Count == 0 || technician.Skills.Contains(window.ServiceId)))
            {
                team.Add(technician.Id);
                foreach (var shift in technician.Shifts)
                {
                    team.AddShift(technician.Id, shift.Weekday, shift.Start, shift.End);
                }
            }
        }

        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            team.AddTimeOff(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2));
        }

        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            team.AddAppointment(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2));
        }

        return new ScheduleSnapshot(held.Settings, held.Services.GetValueOrDefault(window.ServiceId), team.Build());
    }

    private static void Add(NpgsqlBatch batch, string sql, params NpgsqlParameter[] parameters)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = sql;
        command.Parameters.AddRange(parameters);
        batch.BatchCommands.Add(command);
    }

    // Positional parameters ($1, $2, ...): Npgsql sends the SQL as written, without rewriting it on every call.
    private static NpgsqlParameter Text(string value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = value };

    private static NpgsqlParameter Uuid(Guid? value) => new() { NpgsqlDbType = NpgsqlDbType.Uuid, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Instant(DateTimeOffset value) => new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value.UtcDateTime };

}
