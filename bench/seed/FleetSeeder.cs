using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using ServicePro.Host.Bookings;
using ServicePro.Host.Persistence;
using ServicePro.Host.Scheduling;
using ServicePro.Host.Tenancy;

namespace ServicePro.Bench.Seed;

/// <summary>
/// Writes <see cref="SeedOptions.Tenants"/> tenants like the ones a busy platform has: each a copy of ROOT's rows
/// (tenant, settings, the pack's services — copied column by column from the database, so columns added later come
/// along) open 08:00–18:00 on weekdays, with technicians on weekday shifts, customers, a few approved days off and
/// three or four appointments per technician per working day. Bulk rows go in with binary COPY in one transaction.
/// </summary>
public static class FleetSeeder
{
    /// <summary>Where the bench tenants' businesses are; their day starts and ends at different instants.</summary>
    private static readonly string[] Zones =
        ["America/Chicago", "America/New_York", "America/Denver", "America/Los_Angeles", "America/Phoenix"];

    private static readonly string[] Colors = ["#2563eb", "#16a34a", "#dc2626", "#9333ea", "#ea580c", "#0891b2"];

    /// <summary>The tables the COPY writes; forced row-level security binds even their owner and refuses COPY.</summary>
    private static readonly string[] TenantTables =
        ["tenant_settings", "services", "technicians", "technician_shifts", "customers", "time_off_requests", "bookings"];

    /// <summary>The tables whose changes raise tenant_settings.calendar_version (the raise_calendar_version triggers of the initial migration).</summary>
    private static readonly string[] CalendarTables = ["time_off_requests", "bookings"];

    internal const int ShiftStartMinute = 8 * 60;
    internal const int ShiftEndMinute = 17 * 60;
    internal static readonly TimeOnly ShiftStart = TimeOnly.MinValue.AddMinutes(ShiftStartMinute);
    internal static readonly TimeOnly ShiftEnd = TimeOnly.MinValue.AddMinutes(ShiftEndMinute);

    /// <summary>Jobs longer than this are not seeded as appointments: three or four of them must fit in a shift.</summary>
    private const int LongestSeededJob = 120;

    public static async Task<Fleet> SeedAsync(SeedOptions options, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(options.Connection);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Only for this transaction: the owner is exempt from row-level security again once it is not forced.
        await ExecuteAsync(connection, string.Join("", TenantTables.Select(t => $"ALTER TABLE {t} NO FORCE ROW LEVEL SECURITY;")), ct);
        // A new fleet has no calendar in any host's memory to invalidate, and raising calendar_version at commit once
        // per copied booking would only slow the seed down (and a table with such pending events cannot be altered).
        await ExecuteAsync(connection, string.Join("", CalendarTables.Select(t => $"ALTER TABLE {t} DISABLE TRIGGER raise_calendar_version;")), ct);

        var root = await RootTemplate.ReadAsync(connection, ct);
        var hours = BusinessDay.Weekdays.ToDictionary(d => d, d => new BusinessDay("08:00", "18:00", d is "saturday" or "sunday"));
        var rules = SchedulingRules.FromTenantSettings(new TenantSettings { BusinessHours = hours, SchedulerConfig = root.SchedulerConfig });
        var random = new Random(options.RandomSeed);
        var tenants = Enumerable.Range(1, options.Tenants)
            .Select(i => PlanTenant(i, options, root, rules, now, new Random(random.Next())))
            .ToList();

        await InsertTenantsAsync(connection, root, tenants, hours, now, ct);
        await CopyAsync(connection, "technicians (tenant_id, id, name, phone, email, color, is_active, created_at, updated_at)",
            tenants.SelectMany(t => t.Technicians.Select((tech, i) => new object?[]
            {
                t.Id, tech.Id, $"Technician {i + 1}", $"+1555{i:000}{t.Number:0000}", null, Colors[i % Colors.Length], true, now, now,
            })), ct);
        await CopyAsync(connection, "technician_shifts (tenant_id, id, technician_id, weekday, start, \"end\")",
            tenants.SelectMany(t => t.Technicians.SelectMany(tech => WorkingDays.Select(day => new object?[]
            {
                t.Id, Guid.CreateVersion7(), tech.Id, (int)day, ShiftStart, ShiftEnd,
            }))), ct);
        await CopyAsync(connection, "customers (tenant_id, id, name, phone, email, address, lat, lng, sms_consent, created_at, updated_at)",
            tenants.SelectMany(t => t.Customers.Select((c, i) => new object?[]
            {
                t.Id, c.Id, $"Customer {i + 1}", $"+1918{t.Number:0000}{i:000}", null, c.Address, c.Location.Lat, c.Location.Lng, false, now, now,
            })), ct);
        await CopyAsync(connection, "time_off_requests (tenant_id, id, technician_id, starts_at, ends_at, reason, status, requested_by, decided_by, decided_at, created_at)",
            tenants.SelectMany(t => t.Technicians.SelectMany(tech => tech.TimeOff.Select(off => new object?[]
            {
                t.Id, Guid.CreateVersion7(), tech.Id, off.Start, off.End, "Personal day", "approved", "bench", "bench", now, now,
            }))), ct);
        await CopyAsync(connection,
            "bookings (tenant_id, id, customer_id, service_id, technician_id, starts_at, ends_at, status, address, answers, estimated_price, notes, " +
            "source, confirmed_at, cancelled_at, cancellation_reason, version, created_at, updated_at)",
            tenants.SelectMany(t => t.Bookings.Select(b => new object?[]
            {
                t.Id, b.Id, b.Customer.Id, b.Service.Id, b.TechnicianId, b.Time.Start, b.Time.End, SnakeCaseEnum.ToName(b.Status), b.Customer.Address,
                new Jsonb("{}"), b.Service.PriceMin, "", "staff", b.Status == BookingStatus.Confirmed ? now : null,
                b.Status == BookingStatus.Cancelled ? now : null, b.Status == BookingStatus.Cancelled ? CancellationReasons.ScheduleConflict : null,
                0, now, now,
            })), ct);

        await ExecuteAsync(connection, string.Join("", CalendarTables.Select(t => $"ALTER TABLE {t} ENABLE TRIGGER raise_calendar_version;")), ct);
        await ExecuteAsync(connection, string.Join("", TenantTables.Select(t => $"ALTER TABLE {t} FORCE ROW LEVEL SECURITY;")), ct);
        await transaction.CommitAsync(ct);
        // Where a live database would be after autovacuum: fresh statistics, so the planner treats the seeded tables as
        // what they now are, and a visibility map, so covering indexes answer without visiting the table.
        await ExecuteAsync(connection, "VACUUM (ANALYZE)", ct);

        var race = RaceGrid.Build(tenants.Take(options.RaceTenants).ToList(), root.RaceService, rules, now, options.Days, options.RaceWeekdays);
        return new Fleet(tenants, race, new Random(options.RandomSeed));
    }

    internal static readonly DayOfWeek[] WorkingDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static TenantPlan PlanTenant(int number, SeedOptions options, RootTemplate root, SchedulingRules rules, DateTimeOffset now, Random random)
    {
        var zone = Zones[number % Zones.Length];
        var clock = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var services = root.Services.Select(s => s with { Id = Guid.CreateVersion7(), TemplateId = s.Id }).ToList();
        var seedable = services.Where(s => s.IsActive && s.DurationMinutes <= LongestSeededJob).ToList();
        if (seedable.Count == 0)
        {
            throw new InvalidOperationException($"ROOT has no active service of at most {LongestSeededJob} minutes to seed appointments with.");
        }

        var customers = Enumerable.Range(1, options.Customers).Select(i => new CustomerPlan(
            Guid.CreateVersion7(), $"{100 + i} Main St", new GeoPoint(
                root.ServiceArea.Center.Lat + (random.NextDouble() - 0.5) * 0.3, root.ServiceArea.Center.Lng + (random.NextDouble() - 0.5) * 0.3))).ToList();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, clock).DateTime);
        var lunchStart = rules.LunchStart.Hour * 60 + rules.LunchStart.Minute;
        var lunchEnd = lunchStart + rules.LunchMinutes;

        var technicians = new List<TechnicianPlan>();
        var bookings = new List<BookingPlan>();
        for (var t = 0; t < options.Technicians; t++)
        {
            var technician = new TechnicianPlan(Guid.CreateVersion7(), []);
            technicians.Add(technician);
            for (var d = 0; d < options.Days; d++)
            {
                var date = today.AddDays(d);
                if (!WorkingDays.Contains(date.DayOfWeek))
                {
                    continue;
                }

                if (random.Next(40) == 0)
                {
                    technician.TimeOff.Add(new InstantRange(At(clock, date, 0), At(clock, date.AddDays(1), 0)));
                    continue;
                }

                // Three or four jobs through the shift, around lunch, with at least the buffer between them.
                var start = ShiftStartMinute + random.Next(0, 3) * 30;
                for (var jobs = random.Next(3, 5); jobs > 0; jobs--)
                {
                    var service = seedable[random.Next(seedable.Count)];
                    if (start < lunchEnd && start + service.DurationMinutes > lunchStart)
                    {
                        start = lunchEnd;
                    }

                    var end = start + service.DurationMinutes;
                    if (end > ShiftEndMinute)
                    {
                        break;
                    }

                    var roll = random.Next(100);
                    var status = roll < 4 ? BookingStatus.Cancelled : roll < 12 ? BookingStatus.Pending : BookingStatus.Confirmed;
                    bookings.Add(new BookingPlan(Guid.CreateVersion7(), technician.Id, customers[random.Next(customers.Count)], service,
                        new InstantRange(At(clock, date, start), At(clock, date, end)), status));
                    start = end + rules.BufferMinutes + random.Next(0, 3) * 30;
                }
            }
        }

        return new TenantPlan(number, Guid.CreateVersion7(), $"bench-{number:0000}", zone, services, technicians, customers, bookings);
    }

    private static async Task InsertTenantsAsync(
        NpgsqlConnection connection, RootTemplate root, List<TenantPlan> tenants, Dictionary<string, BusinessDay> hours, DateTimeOffset now, CancellationToken ct)
    {
        var ids = tenants.Select(t => t.Id).ToArray();
        var stamp = new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now.UtcDateTime };
        await CloneRootRowsAsync(connection, "tenants",
            "unnest(@id, @slug, @zone) AS n(id, slug, zone)", "r.id = @root",
            new()
            {
                ["id"] = "n.id",
                ["slug"] = "n.slug",
                ["name"] = "'Bench business ' || n.slug",
                ["brand_name"] = "'Bench ' || n.slug",
                ["custom_domain"] = "NULL",
                ["timezone"] = "n.zone",
                ["email"] = "NULL",
                ["phone"] = "NULL",
                ["created_at"] = "@now",
                ["updated_at"] = "@now",
                ["go_live_at"] = "@now",
                ["last_active_at"] = "NULL",
            },
            [
                new("id", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids },
                new("slug", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = tenants.Select(t => t.Slug).ToArray() },
                new("zone", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = tenants.Select(t => t.Zone).ToArray() },
                new("root", NpgsqlDbType.Uuid) { Value = Tenant.RootId }, stamp,
            ], ct);
        await CloneRootRowsAsync(connection, "tenant_settings", "unnest(@id) AS n(id)", "r.tenant_id = @root",
            new() { ["tenant_id"] = "n.id", ["business_hours"] = "@hours", ["created_at"] = "@now", ["updated_at"] = "@now" },
            [
                new("id", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = ids },
                new("hours", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(hours, JsonColumns.SerializerOptions) },
                new("root", NpgsqlDbType.Uuid) { Value = Tenant.RootId }, stamp.Clone(),
            ], ct);
        var services = tenants.SelectMany(t => t.Services.Select(s => (Tenant: t.Id, s.Id, s.TemplateId))).ToList();
        await CloneRootRowsAsync(connection, "services", "unnest(@tenant, @id, @template) AS n(tenant_id, id, template_id)",
            "r.tenant_id = @root AND r.id = n.template_id",
            new() { ["tenant_id"] = "n.tenant_id", ["id"] = "n.id", ["created_at"] = "@now", ["updated_at"] = "@now" },
            [
                new("tenant", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = services.Select(s => s.Tenant).ToArray() },
                new("id", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = services.Select(s => s.Id).ToArray() },
                new("template", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = services.Select(s => s.TemplateId).ToArray() },
                new("root", NpgsqlDbType.Uuid) { Value = Tenant.RootId }, stamp.Clone(),
            ], ct);
    }

    /// <summary>INSERT … SELECT of ROOT's rows of <paramref name="table"/>, once per row of <paramref name="source"/>, every
    /// column copied unless <paramref name="overrides"/> gives an expression for it.</summary>
    private static async Task CloneRootRowsAsync(
        NpgsqlConnection connection, string table, string source, string where, Dictionary<string, string> overrides,
        NpgsqlParameter[] parameters, CancellationToken ct)
    {
        var columns = new List<string>();
        await using (var read = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position",
            connection))
        {
            read.Parameters.AddWithValue("table", table);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                columns.Add(reader.GetString(0));
            }
        }

        var sql = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT ")
            .Append(string.Join(", ", columns.Select(c => overrides.GetValueOrDefault(c) ?? $"r.\"{c}\"")))
            .Append(CultureInfo.InvariantCulture, $" FROM {table} r CROSS JOIN {source} WHERE {where}");
        await using var insert = new NpgsqlCommand(sql.ToString(), connection);
        insert.Parameters.AddRange(parameters);
        var rows = await insert.ExecuteNonQueryAsync(ct);
        if (rows == 0)
        {
            throw new InvalidOperationException($"Copied no {table} rows from ROOT: has the host's migrate command run on this database?");
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string target, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {target} FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var value in row)
            {
                await WriteAsync(importer, value, ct);
            }
        }

        await importer.CompleteAsync(ct);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken ct) => value switch
    {
        null => importer.WriteNullAsync(ct),
        Guid v => importer.WriteAsync(v, NpgsqlDbType.Uuid, ct),
        Jsonb v => importer.WriteAsync(v.Json, NpgsqlDbType.Jsonb, ct),
        string v => importer.WriteAsync(v, NpgsqlDbType.Text, ct),
        DateTimeOffset v => importer.WriteAsync(v.UtcDateTime, NpgsqlDbType.TimestampTz, ct),
        TimeOnly v => importer.WriteAsync(v, NpgsqlDbType.Time, ct),
        int v => importer.WriteAsync(v, NpgsqlDbType.Integer, ct),
        bool v => importer.WriteAsync(v, NpgsqlDbType.Boolean, ct),
        double v => importer.WriteAsync(v, NpgsqlDbType.Double, ct),
        decimal v => importer.WriteAsync(v, NpgsqlDbType.Numeric, ct),
        _ => throw new InvalidOperationException($"No COPY mapping for {value.GetType().Name}."),
    };

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed record Jsonb(string Json);

    /// <summary>The instant of a local wall-clock time, as UTC.</summary>
    internal static DateTimeOffset At(TimeZoneInfo zone, DateOnly date, int minuteOfDay)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
