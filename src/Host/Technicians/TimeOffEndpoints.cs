using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Auditing;
using ServicePro.Host.Bookings;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Persistence;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Technicians;

public sealed record TimeOffDto(
    Guid Id, Guid TechnicianId, string TechnicianName, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Reason, string Status,
    string RequestedBy, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote, DateTimeOffset CreatedAt)
{
    public static TimeOffDto From(TimeOffRequest r, string technicianName) => new(
        r.Id, r.TechnicianId, technicianName, r.StartsAt, r.EndsAt, r.Reason, SnakeCaseEnum.ToName(r.Status), r.RequestedBy, r.DecidedBy,
        r.DecidedAt, r.DecisionNote, r.CreatedAt);
}

public sealed record NewTimeOffRequest([PlausibleDate] DateTimeOffset? StartsAt, [PlausibleDate] DateTimeOffset? EndsAt, [Text(TextRules.Line)] string? Reason);

public sealed record TimeOffDecision([Text(TechnicianRules.MaxNoteLength, Multiline = true)] string? Note);

/// <summary>An approval, with the bookings that still hold the technician's time inside it: the time off is approved
/// regardless, and the owner moves those jobs.</summary>
public sealed record TimeOffApproval(TimeOffDto TimeOff, IReadOnlyList<Guid> AffectedBookingIds);

/// <summary>Time off: a technician asks (or an admin records it for them), an admin approves or declines, and the
/// one who asked (or an admin) can withdraw it. Only approved time off keeps jobs away.</summary>
public static class TimeOffEndpoints
{
    public static RouteGroupBuilder MapTimeOffEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/technicians/{id:guid}/time-off", Request).WithName("requestTimeOff").WithTags("Technicians").RequireAuthorization(Policies.TenantMember)
            .WithSummary("Ask for time off (pending until an admin decides). Technicians ask for themselves; admins for anyone.");

        var group = app.MapGroup("/api/time-off").WithTags("Technicians").RequireAuthorization(Policies.TenantMember);
        group.MapGet("/", List).WithName("listTimeOff").WithSummary("Time off requests by start, optionally by `status` (pending, approved, declined, withdrawn) and `technicianId`.");
        group.MapPost("/{id:guid}/approve", Approve).WithName("approveTimeOff").RequireAuthorization(Policies.TenantAdmin)
            .WithSummary("Approve a pending request; the answer lists bookings inside it that need moving.");
        group.MapPost("/{id:guid}/decline", Decline).WithName("declineTimeOff").WithSummary("Decline a pending request, optionally with a note to the technician.").RequireAuthorization(Policies.TenantAdmin);
        group.MapPost("/{id:guid}/withdraw", Withdraw).WithName("withdrawTimeOff")
            .WithSummary("Withdraw a pending or approved request that has not ended; by the one who asked, the technician, or an admin.");
        return group;
    }

    private static async Task<Results<Created<TimeOffDto>, NotFoundProblem, ForbiddenProblem, ConflictProblem, ValidationProblem>> Request(
        Guid id, NewTimeOffRequest request, ServiceProDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var technician = await db.Technicians.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (technician is null)
        {
            return TechnicianEndpoints.NoSuchTechnician();
        }

        if (!await TechnicianAccess.MayActForAsync(db, http.User, technician, ct))
        {
            return TechnicianAccess.Forbidden("Technicians ask for their own time off; admins can record it for anyone.");
        }

        var errors = TechnicianRules.CheckTimeOff(request);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        // PostgreSQL stores instants in UTC and Npgsql refuses other offsets.
        var (starts, ends) = (request.StartsAt!.Value.ToUniversalTime(), request.EndsAt!.Value.ToUniversalTime());
        var overlapping = await db.TimeOff.AsNoTracking()
            .Where(r => r.TechnicianId == id && r.StartsAt < ends && r.EndsAt > starts
                && (r.Status == TimeOffStatus.Pending || r.Status == TimeOffStatus.Approved))
            .FirstOrDefaultAsync(ct);
        if (overlapping is not null)
        {
            return Problems.Conflict($"{technician.Name} already has {SnakeCaseEnum.ToName(overlapping.Status)} time off from "
                + $"{overlapping.StartsAt:u} to {overlapping.EndsAt:u}; withdraw it or choose other dates.");
        }

        var actor = ServiceProClaims.ActorOf(http.User);
        var timeOff = new TimeOffRequest
        {
            Id = Guid.CreateVersion7(),
            TechnicianId = id,
            StartsAt = starts,
            EndsAt = ends,
            Reason = request.Reason?.Trim() ?? "",
            Status = TimeOffStatus.Pending,
            RequestedBy = actor,
            CreatedAt = clock.GetUtcNow(),
        };
        db.TimeOff.Add(timeOff);
        db.AuditLog.Add(AuditEntry.Create(clock, actor, "time_off.requested", "time_off", timeOff.Id.ToString(),
            new() { ["technician"] = id.ToString() }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{http.Request.PathBase}/api/time-off/{timeOff.Id}", TimeOffDto.From(timeOff, technician.Name));
    }

    private static async Task<Results<Ok<List<TimeOffDto>>, ValidationProblem>> List(
        [Text(40)] string? status, Guid? technicianId, ServiceProDbContext db, CancellationToken ct)
    {
        var query = db.TimeOff.AsNoTracking();
        if (status is not null)
        {
            if (!SnakeCaseEnum.TryParse<TimeOffStatus>(status, out var wanted))
            {
                return Problems.Invalid("status", "Use pending, approved, declined or withdrawn.");
            }

            query = query.Where(r => r.Status == wanted);
        }

        if (technicianId is { } technician)
        {
            query = query.Where(r => r.TechnicianId == technician);
        }

        var rows = await query.Join(db.Technicians, r => r.TechnicianId, t => t.Id, (r, t) => new { Request = r, t.Name })
            .OrderBy(x => x.Request.StartsAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(x => TimeOffDto.From(x.Request, x.Name)).ToList());
    }

    private static async Task<Results<Ok<TimeOffApproval>, NotFoundProblem, ConflictProblem, ValidationProblem>> Approve(
        Guid id, TimeOffDecision? decision, ServiceProDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var (timeOff, name, missing, decided) = await FindPendingAsync(db, id, "approved", ct);
        if (missing is not null)
        {
            return missing;
        }

        if (decided is not null)
        {
            return decided;
        }

        if (CheckNote(decision) is { } invalid)
        {
            return invalid;
        }

        // Approved anyway: the owner decides who covers those jobs, and the list tells them which.
        var affected = await db.Bookings.AsNoTracking()
            .Where(b => b.TechnicianId == timeOff!.TechnicianId && b.StartsAt < timeOff.EndsAt && b.EndsAt > timeOff.StartsAt
                && Booking.HoldingTime.Contains(b.Status))
            .OrderBy(b => b.StartsAt).Select(b => b.Id).ToListAsync(ct);
        Decide(timeOff!, TimeOffStatus.Approved, decision, http, clock);
        db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), "time_off.approved", "time_off", id.ToString(),
            new() { ["technician"] = timeOff!.TechnicianId.ToString(), ["affectedBookings"] = affected.Count.ToString() }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new TimeOffApproval(TimeOffDto.From(timeOff, name!), affected));
    }

    private static async Task<Results<Ok<TimeOffDto>, NotFoundProblem, ConflictProblem, ValidationProblem>> Decline(
        Guid id, TimeOffDecision? decision, ServiceProDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var (timeOff, name, missing, decided) = await FindPendingAsync(db, id, "declined", ct);
        if (missing is not null)
        {
            return missing;
        }

        if (decided is not null)
        {
            return decided;
        }

        if (CheckNote(decision) is { } invalid)
        {
            return invalid;
        }

        Decide(timeOff!, TimeOffStatus.Declined, decision, http, clock);
        db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), "time_off.declined", "time_off", id.ToString(),
            new() { ["technician"] = timeOff!.TechnicianId.ToString() }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(TimeOffDto.From(timeOff, name!));
    }

    private static async Task<Results<Ok<TimeOffDto>, NotFoundProblem, ForbiddenProblem, ConflictProblem>> Withdraw(
        Guid id, ServiceProDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var found = await db.TimeOff.Where(r => r.Id == id)
            .Join(db.Technicians, r => r.TechnicianId, t => t.Id, (r, t) => new { Request = r, Technician = t })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return NoSuchRequest();
        }

        var (timeOff, technician) = (found.Request, found.Technician);
        var actor = ServiceProClaims.ActorOf(http.User);
        if (timeOff.RequestedBy != actor && !await TechnicianAccess.MayActForAsync(db, http.User, technician, ct))
        {
            return TechnicianAccess.Forbidden("Only the one who asked, the technician or an admin can withdraw time off.");
        }

        var now = clock.GetUtcNow();
        if (timeOff.Status is not (TimeOffStatus.Pending or TimeOffStatus.Approved) || timeOff.EndsAt <= now)
        {
            return Problems.Conflict(timeOff.EndsAt <= now
                ? "This time off is over; it stays on record."
                : $"This request is already {SnakeCaseEnum.ToName(timeOff.Status)}.");
        }

        timeOff.Status = TimeOffStatus.Withdrawn;
        db.AuditLog.Add(AuditEntry.Create(clock, actor, "time_off.withdrawn", "time_off", id.ToString(),
            new() { ["technician"] = technician.Id.ToString() }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(TimeOffDto.From(timeOff, technician.Name));
    }

    /// <summary>The request and its technician's name if it can still be decided; otherwise why not (no such request, or decided).</summary>
    private static async Task<(TimeOffRequest? TimeOff, string? TechnicianName, NotFoundProblem? Missing, ConflictProblem? Decided)> FindPendingAsync(
        ServiceProDbContext db, Guid id, string decision, CancellationToken ct)
    {
        var found = await db.TimeOff.Where(r => r.Id == id)
            .Join(db.Technicians, r => r.TechnicianId, t => t.Id, (r, t) => new { Request = r, t.Name })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return (null, null, NoSuchRequest(), null);
        }

        return found.Request.Status == TimeOffStatus.Pending
            ? (found.Request, found.Name, null, null)
            : (null, null, null, Problems.Conflict($"Only pending requests can be {decision}; this one is {SnakeCaseEnum.ToName(found.Request.Status)}."));
    }

    private static ValidationProblem? CheckNote(TimeOffDecision? decision) =>
        decision?.Note is { Length: > TechnicianRules.MaxNoteLength }
            ? Problems.Invalid("note", $"The note can be at most {TechnicianRules.MaxNoteLength} characters.")
            : null;

    private static void Decide(TimeOffRequest timeOff, TimeOffStatus status, TimeOffDecision? decision, HttpContext http, TimeProvider clock)
    {
        timeOff.Status = status;
        timeOff.DecidedBy = ServiceProClaims.ActorOf(http.User);
        timeOff.DecidedAt = clock.GetUtcNow();
        timeOff.DecisionNote = string.IsNullOrWhiteSpace(decision?.Note) ? null : decision.Note.Trim();
    }

    private static NotFoundProblem NoSuchRequest() => Problems.NotFound("There is no such time off request.");
}
