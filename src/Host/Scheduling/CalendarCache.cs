using Microsoft.Extensions.Caching.Memory;

namespace ServicePro.Host.Scheduling;

/// <summary>One technician's time ranges in a window: starts and ends in UTC, pairwise.</summary>
public sealed record TechnicianRanges(Guid Technician, DateTime[] Starts, DateTime[] Ends);

/// <summary>One window of a tenant's calendar as read at tenant_settings.calendar_version <see cref="Version"/>:
/// approved time off and the bookings that hold time, per technician, starts and ends in UTC.</summary>
public sealed record CalendarWindow(
    long Version,
    IReadOnlyList<TechnicianRanges> TimeOff,
    IReadOnlyList<TechnicianRanges> Appointments)
{
    /// <summary>Its weight in <see cref="CalendarCache"/>: one per entry and one per time range it holds.</summary>
    public long Size => 1 + TimeOff.Sum(t => t.Starts.Length) + Appointments.Sum(a => a.Starts.Length);
}

/// <summary>
/// The calendar windows <see cref="PostgresScheduleLoader"/> has read, per tenant, window and technician. An entry is
/// used only while the database still reports the version it was read at, so it can never answer with a booking that
/// was cancelled or miss one that was made, on this instance or any other (ADR 0010). Its own cache with a size limit:
/// anyone may ask for any window, and what that costs in memory must stay bounded.
/// </summary>
public sealed class CalendarCache : IDisposable
{
    /// <summary>About 32 MB of time ranges: a 7-day window of a 5-technician team holds about a hundred.</summary>
    private const long SizeLimit = 2_000_000;

    /// <summary>Windows start "today", so yesterday's are never asked again: an entry nobody asked for lately goes.</summary>
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _windows = new(new MemoryCacheOptions { SizeLimit = SizeLimit, CompactionPercentage = 0.25 });

    public CalendarWindow? Find(Key key) => _windows.Get<CalendarWindow>(key);

    public void Keep(Key key, CalendarWindow window) =>
        _windows.Set(key, window, new MemoryCacheEntryOptions { Size = window.Size, SlidingExpiration = KeptFor });

    public void Dispose() => _windows.Dispose();

    public readonly record struct Key(Guid Tenant, DateTimeOffset From, DateTimeOffset To, Guid? Technician);
}
