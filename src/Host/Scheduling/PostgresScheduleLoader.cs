using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using NpgsqlTypes;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Scheduling;

/// <summary>
/// Reads a <see cref="ScheduleSnapshot"/> from PostgreSQL in one prepared batch: one database round trip per
/// availability request (two after a change to the tenant's team or settings), which is what makes availability cheap
/// enough to ask on every keystroke of a booking form (ADR 0010).
/// </summary>
/// <remarks>
/// <para>The batch's first statement sets the tenant for row-level security, local to the batch's own implicit
/// transaction, so the read goes straight to a connection of the application's pool (the one EF Core uses) without
/// EF Core and without <see cref="TenantConnectionInterceptor"/>'s separate round trip. The statements are prepared
/// once per pooled connection and afterwards only bound and executed: PostgreSQL does not parse and plan them again.</para>
/// <para>What rarely changes — settings, services, technicians with their skills and shifts — is kept in memory per
/// tenant as a <see cref="TenantSchedule"/> stamped with tenant_settings.schedule_version, which database triggers raise
/// on any change to those rows. Every read asks for the version with the rest and reads the rows again, in a second
/// round trip, only when it moved, so a change made through any instance counts on the next request everywhere.</para>
/// <para>The windows of bookings and time off read are kept as well, in <see cref="CalendarCache"/>, stamped with
/// tenant_settings.calendar_version (raised at the commit of any change to them): the request sends the version it
/// holds, and PostgreSQL scans the window only when the calendar has moved since.</para>
/// <para>The SQL mirrors the EF configurations of those tables; tenant_id is compared explicitly as well as by
/// row-level security so the planner uses the (tenant_id, ...) indexes.</para>
/// </remarks>
public sealed class PostgresScheduleLoader(DatabaseConnections connections, ITenantContext tenant, IMemoryCache cache, CalendarCache calendars)
    : IScheduleLoader
{
    /// <summary>How long an unused tenant's schedule stays in memory.</summary>
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    private const string SetTenant = $"SELECT set_config('{TenantConnectionInterceptor.SettingName}', $1, true)";

    // $1 tenant. The rarely changing rows as one JSON document, snake_case as JsonColumns writes it; read only when the
    // version moved, since PostgreSQL sets up the executor for all its subqueries whether they run or not.
    private const string Schedule =
        """
        SELECT s.schedule_version, json_build_object(
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
          FROM tenant_settings s
         WHERE s.tenant_id = $1
        """;

    // $1 tenant, $2 technician or null, $3 from, $4 to, $5 earliest booking start, $6 booking to leave out or null,
    // $7 the calendar version of the window held in memory or null.
    // One statement, so PostgreSQL sets up one portal and executor instead of three: the versions (kind 'v'), then —
    // unless the calendar has not moved since the window in memory was read, when PostgreSQL skips both scans — per
    // technician their approved time off ('t') and the bookings that hold their time ('b', the statuses are
    // Booking.HoldingTime), starts and ends as two arrays: a week of a team's bookings is a few rows on the wire
    // instead of a hundred.
    private const string Window =
        """
        WITH versions AS (SELECT schedule_version, calendar_version FROM tenant_settings WHERE tenant_id = $1)
        SELECT 'v', NULL::uuid, schedule_version, calendar_version, NULL::timestamptz[], NULL::timestamptz[] FROM versions
        UNION ALL
        SELECT 't', technician_id, NULL, NULL, array_agg(starts_at), array_agg(ends_at) FROM time_off_requests
         WHERE tenant_id = $1 AND status = 'approved' AND starts_at < $4 AND ends_at > $3
           AND ($2::uuid IS NULL OR technician_id = $2)
           AND EXISTS (SELECT FROM versions WHERE calendar_version IS DISTINCT FROM $7)
         GROUP BY technician_id
        UNION ALL
        SELECT 'b', technician_id, NULL, NULL, array_agg(starts_at), array_agg(ends_at) FROM bookings
         WHERE tenant_id = $1 AND status IN ('pending', 'confirmed', 'completed')
           AND starts_at < $4 AND starts_at > $5 AND ends_at > $3
           AND ($2::uuid IS NULL OR technician_id = $2) AND ($6::uuid IS NULL OR id <> $6)
           AND EXISTS (SELECT FROM versions WHERE calendar_version IS DISTINCT FROM $7)
         GROUP BY technician_id
        """;

    public async Task<ScheduleSnapshot?> LoadAsync(ScheduleWindow window, CancellationToken ct)
    {
        var tenantId = tenant.TenantId ?? throw new InvalidOperationException("Schedules are read for a tenant.");
        var cacheKey = (nameof(TenantSchedule), tenantId);
        var held = cache.Get<TenantSchedule>(cacheKey);

        await using var connection = new NpgsqlConnection(connections.App);
        await connection.OpenAsync(ct);
        // A window read to leave one booking out is that booking's own business: not kept.
        CalendarCache.Key? calendarKey = window.IgnoreBookingId is null
            ? new CalendarCache.Key(tenantId, window.From, window.To, window.TechnicianId)
            : null;
        var calendar = calendarKey is { } wanted ? calendars.Find(wanted) : null;
        long? version = null;
        long calendarVersion = 0;
        var timeOff = new List<TechnicianRanges>();
        var appointments = new List<TechnicianRanges>();
        await using (var batch = TenantBatch(connection, tenantId))
        {
            Add(batch, Window, Uuid(tenantId), Uuid(window.TechnicianId), Instant(window.From), Instant(window.To),
                Instant(window.EarliestBookingStart), Uuid(window.IgnoreBookingId), Bigint(calendar?.Version));
            // A no-op, without a round trip, on a pooled connection that has prepared these statements before.
            await batch.PrepareAsync(ct);
            await using var reader = await batch.ExecuteReaderAsync(ct);
            await reader.NextResultAsync(ct); // past set_config's row
            while (await reader.ReadAsync(ct))
            {
                switch (reader.GetChar(0))
                {
                    case 'v':
                        version = reader.GetInt64(2);
                        calendarVersion = reader.GetInt64(3);
                        break;
                    case 't':
                        timeOff.Add(Ranges(reader));
                        break;
                    default:
                        appointments.Add(Ranges(reader));
                        break;
                }
            }
        }

        if (version is null)
        {
            return null;
        }

        if (calendar?.Version != calendarVersion)
        {
            // The rows just read: the calendar moved, or this window was not in memory.
            calendar = new CalendarWindow(calendarVersion, timeOff, appointments);
            if (calendarKey is { } key)
            {
                calendars.Keep(key, calendar);
            }
        }

        if (held?.Version != version)
        {
            // The second round trip, after a change or for a tenant not asked about lately.
            held = await ReadScheduleAsync(connection, tenantId, ct);
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

        foreach (var (technician, starts, ends) in calendar.TimeOff)
        {
            for (var i = 0; i < starts.Length; i++)
            {
                team.AddTimeOff(technician, new DateTimeOffset(starts[i]), new DateTimeOffset(ends[i]));
            }
        }

        foreach (var (technician, starts, ends) in calendar.Appointments)
        {
            for (var i = 0; i < starts.Length; i++)
            {
                team.AddAppointment(technician, new DateTimeOffset(starts[i]), new DateTimeOffset(ends[i]));
            }
        }

        return new ScheduleSnapshot(held.Settings, held.Services.GetValueOrDefault(window.ServiceId), team.Build());
    }

    private static TechnicianRanges Ranges(NpgsqlDataReader row) =>
        new(row.GetGuid(1), row.GetFieldValue<DateTime[]>(4), row.GetFieldValue<DateTime[]>(5));

    private static async Task<TenantSchedule> ReadScheduleAsync(NpgsqlConnection connection, Guid tenantId, CancellationToken ct)
    {
        await using var batch = TenantBatch(connection, tenantId);
        Add(batch, Schedule, Uuid(tenantId));
        await batch.PrepareAsync(ct);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct); // past set_config's row
        return await reader.ReadAsync(ct)
            ? TenantSchedule.FromJson(tenantId, reader.GetInt64(0), reader.GetString(1))
            : throw new InvalidOperationException("The tenant's settings disappeared between two reads.");
    }

    /// <summary>A batch whose first statement sets the tenant for row-level security, local to the batch's implicit transaction.</summary>
    private static NpgsqlBatch TenantBatch(NpgsqlConnection connection, Guid tenantId)
    {
        var batch = connection.CreateBatch();
        Add(batch, SetTenant, Text(tenantId.ToString()));
        return batch;
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

    private static NpgsqlParameter Bigint(long? value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Instant(DateTimeOffset value) => new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value.UtcDateTime };
}
