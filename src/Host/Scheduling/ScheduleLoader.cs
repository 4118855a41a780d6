using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;
using ServicePro.Host.Persistence;
using ServicePro.Host.Technicians;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Scheduling;

/// <summary>Everything the availability engine needs for one question, read together.</summary>
/// <param name="Settings">The tenant's hours, scheduler config and service area.</param>
/// <param name="Service">The service asked about; null when the tenant has no such service.</param>
/// <param name="Technicians">Active technicians who do the service, with their shifts, approved time off and the
/// bookings that hold their time in the window, in name order.</param>
public sealed record ScheduleSnapshot(TenantSettings Settings, TenantService? Service, IReadOnlyList<TechnicianSchedule> Technicians);

/// <summary>What to read: one service, optionally one technician, bookings and time off touching [<see cref="From"/>, <see cref="To"/>).</summary>
public sealed record ScheduleWindow(Guid ServiceId, Guid? TechnicianId, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>A booking to leave out, so rescheduling a booking does not collide with itself.</summary>
    public Guid? IgnoreBookingId { get; init; }
}

/// <summary>
/// Reads a <see cref="ScheduleSnapshot"/>. On PostgreSQL the five reads go as one multi-statement command: one
/// database round trip per availability request, which is what makes availability cheap enough to ask on every
/// keystroke of a booking form. The embedded SQLite database runs in-process, where round trips cost nothing,
/// so it reads through EF Core.
/// </summary>
public sealed class ScheduleLoader(ServiceProDbContext db)
{
    public async Task<ScheduleSnapshot?> LoadAsync(ScheduleWindow window, CancellationToken ct) =>
        db.Database.IsNpgsql() ? await LoadInOneRoundTripAsync(window, ct) : await LoadThroughEfAsync(window, ct);

    // A job lasts at most a day (services' longest duration), so bookings that can touch the window start no earlier
    // than a day before it: that lower bound lets the (tenant_id, starts_at) index skip the tenant's history.
    // The SQL mirrors the EF configurations of tenant_settings, services, technicians, technician_skills,
    // technician_shifts, time_off_requests and bookings. tenant_id is compared explicitly as well as by row-level
    // security so the planner uses the (tenant_id, ...) indexes.
    private const string Sql =
        """
        SELECT s.service_area::text, s.business_hours::text, s.scheduler_config::text,
               v.id, v.name, v.description, v.price_min, v.price_max, v.duration_minutes, v.max_duration_minutes,
               v.is_outdoor, v.pack_service_key, v.is_active
          FROM tenant_settings s
          LEFT JOIN services v ON v.tenant_id = s.tenant_id AND v.id = @service
         WHERE s.tenant_id = @tenant;

        SELECT t.id FROM technicians t
         WHERE t.tenant_id = @tenant AND t.is_active AND (@technician IS NULL OR t.id = @technician)
           AND (NOT EXISTS (SELECT 1 FROM technician_skills k WHERE k.tenant_id = t.tenant_id AND k.technician_id = t.id)
                OR EXISTS (SELECT 1 FROM technician_skills k WHERE k.tenant_id = t.tenant_id AND k.technician_id = t.id AND k.service_id = @service))
         ORDER BY t.name, t.id;

        SELECT technician_id, weekday, start, "end" FROM technician_shifts
         WHERE tenant_id = @tenant AND (@technician IS NULL OR technician_id = @technician);

        SELECT technician_id, starts_at, ends_at FROM time_off_requests
         WHERE tenant_id = @tenant AND status = 'approved' AND starts_at < @to AND ends_at > @from
           AND (@technician IS NULL OR technician_id = @technician);

        SELECT technician_id, starts_at, ends_at FROM bookings
         WHERE tenant_id = @tenant AND status IN ('pending', 'confirmed', 'completed')
           AND starts_at < @to AND starts_at > @from - interval '1 day' AND ends_at > @from
           AND (@technician IS NULL OR technician_id = @technician) AND (@ignore IS NULL OR id <> @ignore);
        """;

    private async Task<ScheduleSnapshot?> LoadInOneRoundTripAsync(ScheduleWindow window, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
            command.CommandText = Sql;
            command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = db.CurrentTenantId });
            command.Parameters.Add(new NpgsqlParameter("service", NpgsqlDbType.Uuid) { Value = window.ServiceId });
            command.Parameters.Add(new NpgsqlParameter("technician", NpgsqlDbType.Uuid) { Value = (object?)window.TechnicianId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("ignore", NpgsqlDbType.Uuid) { Value = (object?)window.IgnoreBookingId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = window.From.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = window.To.UtcDateTime });
            await using var reader = await command.ExecuteReaderAsync(ct);

            if (!await reader.ReadAsync(ct))
            {
                return null;
            }

            var settings = new TenantSettings
            {
                TenantId = db.CurrentTenantId,
                ServiceArea = Json<ServiceArea>(reader, 0),
                BusinessHours = Json<Dictionary<string, BusinessDay>>(reader, 1),
                SchedulerConfig = Json<SchedulerConfig>(reader, 2),
            };
            var service = reader.IsDBNull(3) ? null : new TenantService
            {
                TenantId = db.CurrentTenantId,
                Id = reader.GetGuid(3),
                Name = reader.GetString(4),
                Description = reader.GetString(5),
                PriceMin = reader.GetDecimal(6),
                PriceMax = reader.GetDecimal(7),
                DurationMinutes = reader.GetInt32(8),
                MaxDurationMinutes = reader.GetInt32(9),
                IsOutdoor = reader.GetBoolean(10),
                PackServiceKey = reader.IsDBNull(11) ? null : reader.GetString(11),
                IsActive = reader.GetBoolean(12),
            };

            var team = new TeamBuilder();
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                team.Add(reader.GetGuid(0));
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                team.AddShift(reader.GetGuid(0), (DayOfWeek)reader.GetInt32(1), reader.GetFieldValue<TimeOnly>(2), reader.GetFieldValue<TimeOnly>(3));
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                team.AddTimeOff(reader.GetGuid(0), Instant(reader, 1), Instant(reader, 2));
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                team.AddAppointment(reader.GetGuid(0), Instant(reader, 1), Instant(reader, 2));
            }

            return new ScheduleSnapshot(settings, service, team.Build());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static T Json<T>(DbDataReader reader, int ordinal) =>
        JsonSerializer.Deserialize<T>(reader.GetString(ordinal), JsonColumns.SerializerOptions)!;

    private static DateTimeOffset Instant(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    private async Task<ScheduleSnapshot?> LoadThroughEfAsync(ScheduleWindow window, CancellationToken ct)
    {
        var settings = await db.TenantSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            return null;
        }

        var service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == window.ServiceId, ct);
        var only = window.TechnicianId;
        var technicians = await db.Technicians.AsNoTracking()
            .Where(t => t.IsActive && (only == null || t.Id == only))
            .Where(t => !db.TechnicianSkills.Any(k => k.TechnicianId == t.Id)
                        || db.TechnicianSkills.Any(k => k.TechnicianId == t.Id && k.ServiceId == window.ServiceId))
            .OrderBy(t => t.Name).ThenBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);
        var shifts = await db.TechnicianShifts.AsNoTracking().Where(s => only == null || s.TechnicianId == only).ToListAsync(ct);
        var timeOff = await db.TimeOff.AsNoTracking()
            .Where(r => r.Status == TimeOffStatus.Approved && r.StartsAt < window.To && r.EndsAt > window.From)
            .Where(r => only == null || r.TechnicianId == only)
            .Select(r => new { r.TechnicianId, r.StartsAt, r.EndsAt }).ToListAsync(ct);
        var earliestStart = window.From.AddDays(-1);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => Booking.HoldingTime.Contains(b.Status) && b.StartsAt < window.To && b.StartsAt > earliestStart && b.EndsAt > window.From)
            .Where(b => only == null || b.TechnicianId == only)
            .Where(b => window.IgnoreBookingId == null || b.Id != window.IgnoreBookingId)
            .Select(b => new { b.TechnicianId, b.StartsAt, b.EndsAt }).ToListAsync(ct);

        var team = new TeamBuilder();
        technicians.ForEach(team.Add);
        shifts.ForEach(s => team.AddShift(s.TechnicianId, s.Weekday, s.Start, s.End));
        timeOff.ForEach(r => team.AddTimeOff(r.TechnicianId, r.StartsAt, r.EndsAt));
        bookings.ForEach(b => team.AddAppointment(b.TechnicianId, b.StartsAt, b.EndsAt));
        return new ScheduleSnapshot(settings, service, team.Build());
    }

    /// <summary>Collects rows per technician; rows for technicians not in the team (inactive, other skills) are dropped.</summary>
    private sealed class TeamBuilder
    {
        private readonly List<Guid> _order = [];
        private readonly Dictionary<Guid, (Dictionary<DayOfWeek, List<LocalTimeRange>> Shifts, List<InstantRange> TimeOff, List<InstantRange> Appointments)> _members = [];

        public void Add(Guid id)
        {
            _order.Add(id);
            _members[id] = ([], [], []);
        }

        public void AddShift(Guid id, DayOfWeek weekday, TimeOnly start, TimeOnly end)
        {
            if (_members.TryGetValue(id, out var member))
            {
                if (!member.Shifts.TryGetValue(weekday, out var day))
                {
                    member.Shifts[weekday] = day = [];
                }

                day.Add(new LocalTimeRange(start, end));
            }
        }

        public void AddTimeOff(Guid id, DateTimeOffset start, DateTimeOffset end)
        {
            if (_members.TryGetValue(id, out var member))
            {
                member.TimeOff.Add(new InstantRange(start, end));
            }
        }

        public void AddAppointment(Guid id, DateTimeOffset start, DateTimeOffset end)
        {
            if (_members.TryGetValue(id, out var member))
            {
                member.Appointments.Add(new InstantRange(start, end));
            }
        }

        public List<TechnicianSchedule> Build() =>
            _order.Select(id =>
            {
                var member = _members[id];
                return new TechnicianSchedule(
                    id,
                    member.Shifts.ToDictionary(d => d.Key, d => (IReadOnlyList<LocalTimeRange>)d.Value),
                    member.TimeOff,
                    member.Appointments);
            }).ToList();
    }
}
