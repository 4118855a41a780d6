using ServicePro.Host.Persistence;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Tenancy;

/// <summary>One tenant's switches and scheduling rules (seed §2.1, migration 0002), one row per tenant.</summary>
public sealed class TenantSettings : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>Explicit flag values; a flag missing here falls back to the platform default (see <see cref="Features.PlatformFlags"/>).</summary>
    public Dictionary<string, bool> Flags { get; set; } = [];

    public ServiceArea ServiceArea { get; set; } = ServiceArea.Default;
    public Dictionary<string, BusinessDay> BusinessHours { get; set; } = BusinessDay.SeedDefaults();
    public SchedulerConfig SchedulerConfig { get; set; } = new();

    /// <summary>
    /// Raised by the database (PostgreSQL triggers) on every change to this row, the tenant's services, technicians,
    /// their skills or their shifts: what availability reads once and then keeps in memory until this moves
    /// (<see cref="Scheduling.PostgresScheduleLoader"/>). Never written by the application.
    /// </summary>
    public long ScheduleVersion { get; set; }

    /// <summary>
    /// Raised by the database (a PostgreSQL trigger, at commit) on every change to the times, technicians or statuses of
    /// the tenant's bookings or time off: the windows of them availability has read stay valid while this stands still
    /// (<see cref="Scheduling.CalendarCache"/>). Never written by the application.
    /// </summary>
    public long CalendarVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed record GeoPoint(double Lat, double Lng);

public sealed record ServiceArea(double Radius, string Unit, GeoPoint Center)
{
    /// <summary>The radius in miles whichever unit it was stored in; derived, so not part of the stored JSON.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double RadiusMiles => Unit == "km" ? Radius / 1.609344 : Radius;

    /// <summary>Tulsa, 26 miles: Clean Machine's area and the seed's default.</summary>
    public static ServiceArea Default { get; } = new(26, "miles", new GeoPoint(36.1539, -95.9928));
}

public sealed record BusinessDay([Text(10)] string Start, [Text(10)] string End, bool Closed)
{
    public static readonly IReadOnlyList<string> Weekdays =
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>The seed's hours: 09:00–15:00 on weekdays, closed at the weekend.</summary>
    public static Dictionary<string, BusinessDay> SeedDefaults() =>
        Weekdays.ToDictionary(d => d, d => new BusinessDay("09:00", "15:00", d is "saturday" or "sunday"));
}

/// <summary>The seed's scheduler config plus the pack's scheduler defaults (buffer, deposit).</summary>
public sealed record SchedulerConfig
{
    public bool HalfHourIncrements { get; init; } = true;
    public int MinimumNoticeHours { get; init; } = 24;
    public bool AllowWeekendBookings { get; init; }
    public bool EnableLunchBreak { get; init; } = true;
    public string LunchTime { get; init; } = "12:00";

    /// <summary>How long lunch lasts; not in the seed, which assumed an hour.</summary>
    public int LunchMinutes { get; init; } = 60;
    public int EtaPaddingMinutes { get; init; } = 15;
    public int BufferMinutes { get; init; } = 30;
    public bool RequireDeposit { get; init; } = true;
    public int DepositPercentage { get; init; } = 25;
}
