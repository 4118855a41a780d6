using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Auditing;
using ServicePro.Host.Bookings;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Persistence;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Technicians;

/// <param name="Minutes">Whole minutes worked; an open entry counts up to now.</param>
public sealed record TimeEntryDto(
    Guid Id, Guid TechnicianId, Guid? BookingId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string Note, int Minutes);

public sealed record ClockInRequest(Guid? BookingId, [Text(TechnicianRules.MaxNoteLength, Multiline = true)] string? Note);

public sealed record ClockOutRequest([Text(TechnicianRules.MaxNoteLength, Multiline = true)] string? Note);

/// <summary>Entries that started in [From, To), and their total.</summary>
public sealed record TimeSheet(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TimeEntryDto> Entries, int TotalMinutes);

/// <summary>Clocked time, by the technician themselves or an admin; one entry open at a time.</summary>
public static class TimeEntryEndpoints
{
    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(14);
    private static readonly TimeSpan LongestPeriod = TimeSpan.FromDays(366);

    public static RouteGroupBuilder MapTimeEntryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/technicians/{id:guid}").WithTags("Technicians").RequireAuthorization(Policies.TenantMember);
        group.MapPost("/clock-in", ClockIn).WithName("clockIn").WithSummary("Start clocked time, optionally on one of their bookings; refused while an entry is open.");
        group.MapPost("/clock-out", ClockOut).WithName("clockOut").WithSummary("End the open entry.");
        group.MapGet("/time-entries", List).WithName("listTimeEntries").WithSummary("Entries started in [from, to) (default: the last 14 days) with the total minutes.");
        return group;
    }

    private static async Task<Results<Created<TimeEntryDto>, NotFoundProblem, ForbiddenProblem, ConflictProblem, ValidationProblem>> ClockIn(
        Guid id, ClockInRequest? request, ServiceProDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var technician = await db.Technicians.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (technician is null)
        {
            return TechnicianEndpoints.NoSuchTechnician();
        }

        if (!await TechnicianAccess.MayActForAsync(db, http.User, technician, ct))
        {
            return TechnicianAccess.Forbidden("Technicians clock their own time; admins can clock anyone.");
        }

        var errors = CheckNote(request?.Note);
        if (request?.BookingId is { } bookingId && !await db.Bookings.AnyAsync(b => b.Id == bookingId && b.TechnicianId == id, ct))
        {
            errors["bookingId"] = [$"{technician.Name} has no such booking."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (await db.TimeEntries.AnyAsync(e => e.TechnicianId == id && e.EndedAt == null, ct))
        {
            return Problems.Conflict($"{technician.Name} is already clocked in; clock out first.");
        }

        var now = clock.GetUtcNow();
        var entry = new TimeEntry
        {
            Id = Guid.CreateVersion7(),
            TechnicianId = id,
            BookingId = request?.BookingId,
            StartedAt = now,
            Note = request?.Note?.Trim() ?? "",
            CreatedAt = now,
        };
        db.TimeEntries.Add(entry);
        db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), "time_entry.clocked_in", "time_entry", entry.Id.ToString(),
            new() { ["technician"] = id.ToString() }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is { } inner && UniqueViolationHandler.IsUniqueViolation(inner))
        {
            // A clock-in at the same moment won (ux_time_entries_one_open).
            return Problems.Conflict($"{technician.Name} is already clocked in; clock out first.");
        }

        return TypedResults.Created($"{http.Request.PathBase}/api/technicians/{id}/time-entries", ToDto(entry, now));
    }

    private static async Task<Results<Ok<TimeEntryDto>, NotFoundProblem, ForbiddenProblem, ConflictProblem, ValidationProblem>> ClockOut(
        Guid id, ClockOutRequest? request, ServiceProDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var technician = await db.Technicians.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (technician is null)
        {
            return TechnicianEndpoints.NoSuchTechnician();
        }

        if (!await TechnicianAccess.MayActForAsync(db, http.User, technician, ct))
        {
            return TechnicianAccess.Forbidden("Technicians clock their own time; admins can clock anyone.");
        }

        var entry = await db.TimeEntries.FirstOrDefaultAsync(e => e.TechnicianId == id && e.EndedAt == null, ct);
        if (entry is null)
        {
            return Problems.Conflict($"{technician.Name} is not clocked in.");
        }

        // A note at clock-out adds to the one from clock-in rather than replacing it.
        var note = string.Join(" · ", new[] { entry.Note, request?.Note?.Trim() }.Where(n => !string.IsNullOrEmpty(n)));
        if (CheckNote(note) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        (entry.EndedAt, entry.Note) = (now, note);
        db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), "time_entry.clocked_out", "time_entry", entry.Id.ToString(),
            new() { ["technician"] = id.ToString() }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(entry, now));
    }

    private static async Task<Results<Ok<TimeSheet>, NotFoundProblem, ForbiddenProblem, ValidationProblem>> List(
        Guid id, [PlausibleDate] DateTimeOffset? from, [PlausibleDate] DateTimeOffset? to, ServiceProDbContext db, HttpContext http, TimeProvider clock,
        CancellationToken ct)
    {
        var technician = await db.Technicians.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (technician is null)
        {
            return TechnicianEndpoints.NoSuchTechnician();
        }

        if (!await TechnicianAccess.MayActForAsync(db, http.User, technician, ct))
        {
            return TechnicianAccess.Forbidden("Technicians see their own hours; admins see everyone's.");
        }

        var now = clock.GetUtcNow();
        var end = (to ?? now).ToUniversalTime();
        var start = (from ?? end - DefaultPeriod).ToUniversalTime();
        if (end <= start || end - start > LongestPeriod)
        {
            return Problems.Invalid("to", $"`to` must be after `from`, at most {LongestPeriod.TotalDays:0} days later.");
        }

        var entries = await db.TimeEntries.AsNoTracking()
            .Where(e => e.TechnicianId == id && e.StartedAt >= start && e.StartedAt < end)
            .OrderBy(e => e.StartedAt).ToListAsync(ct);
        var dtos = entries.Select(e => ToDto(e, now)).ToList();
        return TypedResults.Ok(new TimeSheet(start, end, dtos, dtos.Sum(e => e.Minutes)));
    }

    private static Dictionary<string, string[]> CheckNote(string? note) =>
        note is { Length: > TechnicianRules.MaxNoteLength }
            ? new() { ["note"] = [$"Notes can be at most {TechnicianRules.MaxNoteLength} characters in all."] }
            : [];

    private static TimeEntryDto ToDto(TimeEntry e, DateTimeOffset now) => new(
        e.Id, e.TechnicianId, e.BookingId, e.StartedAt, e.EndedAt, e.Note, (int)((e.EndedAt ?? now) - e.StartedAt).TotalMinutes);
}
