namespace ServicePro.Host.Scheduling;

/// <summary>Everything the availability engine needs for one question, read together.</summary>
/// <param name="Settings">The tenant's hours, scheduler config and service area.</param>
/// <param name="Service">The service asked about; null when the tenant has no such service.</param>
/// <param name="Technicians">Active technicians who do the service, with their shifts, approved time off and the
/// bookings that hold their time in the window, in name order.</param>
public sealed record ScheduleSnapshot(Tenancy.TenantSettings Settings, Catalog.TenantService? Service, IReadOnlyList<TechnicianSchedule> Technicians);

/// <summary>What to read: one service, optionally one technician, bookings and time off touching [<see cref="From"/>, <see cref="To"/>).</summary>
public sealed record ScheduleWindow(Guid ServiceId, Guid? TechnicianId, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>A booking to leave out, so rescheduling a booking does not collide with itself.</summary>
    public Guid? IgnoreBookingId { get; init; }

    /// <summary>
    /// A job lasts at most a day (services' longest duration), so bookings that can touch the window start no earlier
    /// than a day before it: that lower bound lets the (tenant_id, starts_at) index skip the tenant's history.
    /// </summary>
    public DateTimeOffset EarliestBookingStart => From.AddDays(-1);
}

/// <summary>Reads a <see cref="ScheduleSnapshot"/> for the current tenant: <see cref="PostgresScheduleLoader"/> in
/// production, <see cref="EfScheduleLoader"/> on the embedded database.</summary>
public interface IScheduleLoader
{
    /// <returns>Null when the tenant has no settings row (it is not set up).</returns>
    Task<ScheduleSnapshot?> LoadAsync(ScheduleWindow window, CancellationToken ct);
}

/// <summary>Collects rows per technician; rows for technicians not in the team (inactive, other skills) are dropped.</summary>
internal sealed class TeamBuilder
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
