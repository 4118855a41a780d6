using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Auditing;
using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Persistence;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Technicians;

/// <summary>One working period on a weekday, local "HH:mm" times.</summary>
public sealed record ShiftDto(string Weekday, string Start, string End);

/// <param name="Skills">Ids of the services they do; empty means they do every service.</param>
public sealed record TechnicianDto(
    Guid Id, string Name, string? Phone, string? Email, string Color, Guid? UserId, string? HomeBaseAddress, double? HomeBaseLat,
    double? HomeBaseLng, bool IsActive, IReadOnlyList<Guid> Skills, IReadOnlyList<ShiftDto> Shifts, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>The whole profile: a field left out is cleared (the colour goes back to the default, and a technician is
/// active unless it says otherwise). HomeBaseLat and HomeBaseLng come together or not at all.</summary>
public sealed record TechnicianRequest(
    [Text(TextRules.Name)] string? Name, [PhoneNumber] string? Phone, [Email] string? Email, [Colour] string? Color, Guid? UserId,
    [Text(TextRules.Line)] string? HomeBaseAddress, [Latitude] double? HomeBaseLat, [Longitude] double? HomeBaseLng, bool? IsActive);

public sealed record SkillsRequest([Items(500)] List<Guid>? ServiceIds);

public sealed record ShiftInput([Text(20)] string? Weekday, [Text(10)] string? Start, [Text(10)] string? End);

/// <summary>The people who do the jobs: profile, the services they do and their weekly shifts.</summary>
public static class TechnicianEndpoints
{
    private const string DefaultColor = "#2563eb";

    public static RouteGroupBuilder MapTechnicianEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/technicians").WithTags("Technicians").RequireAuthorization(Policies.TenantMember);
        group.MapGet("/", List).WithName("listTechnicians").WithSummary("Technicians with their skills and weekly shifts, active ones first; `active` filters.");
        group.MapGet("/{id:guid}", Get).WithName("getTechnician").WithSummary("One technician with their skills and weekly shifts.");
        group.MapPost("/", Create).WithName("createTechnician").WithSummary("Add a technician: name and phone, optionally an e-mail, a colour, a home base and a link to a staff sign-in.").RequireAuthorization(Policies.TenantAdmin);
        group.MapPut("/{id:guid}", Update).WithName("updateTechnician").RequireAuthorization(Policies.TenantAdmin)
            .WithSummary("Replace the profile; deactivating keeps history and takes them out of new bookings.");
        group.MapDelete("/{id:guid}", Delete).WithName("deleteTechnician").RequireAuthorization(Policies.TenantAdmin)
            .WithSummary("Refused (409) while they have upcoming bookings; with past bookings or clocked time they are deactivated (200) instead; otherwise deleted (204).");
        group.MapPut("/{id:guid}/skills", SetSkills).WithName("setTechnicianSkills").RequireAuthorization(Policies.TenantAdmin)
            .WithSummary("The services they do, as service ids; an empty list means every service.");
        group.MapPut("/{id:guid}/shifts", SetShifts).WithName("setTechnicianShifts").RequireAuthorization(Policies.TenantAdmin)
            .WithSummary("The whole weekly schedule: [{weekday, start, end}], local HH:mm, no overlaps, at most 4 a day; days without shifts are off.");
        return group;
    }

    private static async Task<Ok<List<TechnicianDto>>> List(bool? active, ServiceProDbContext db, CancellationToken ct)
    {
        var query = db.Technicians.AsNoTracking();
        if (active is { } isActive)
        {
            query = query.Where(t => t.IsActive == isActive);
        }

        var technicians = await query.OrderByDescending(t => t.IsActive).ThenBy(t => t.Name).ToListAsync(ct);
        var skills = (await db.TechnicianSkills.AsNoTracking().ToListAsync(ct)).ToLookup(s => s.TechnicianId);
        var shifts = (await db.TechnicianShifts.AsNoTracking().ToListAsync(ct)).ToLookup(s => s.TechnicianId);
        return TypedResults.Ok(technicians.Select(t => ToDto(t, skills[t.Id], shifts[t.Id])).ToList());
    }

    private static async Task<Results<Ok<TechnicianDto>, NotFoundProblem>> Get(Guid id, ServiceProDbContext db, CancellationToken ct) =>
        await db.Technicians.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } technician
            ? TypedResults.Ok(await LoadDtoAsync(db, technician, ct))
            : NoSuchTechnician();

    private static async Task<Results<Created<TechnicianDto>, ValidationProblem>> Create(
        TechnicianRequest request, ServiceProDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var (phone, errors) = await CheckAsync(request, db, technicianId: null, ct);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var technician = new Technician { Id = Guid.CreateVersion7(), Name = "", CreatedAt = now };
        Apply(technician, request, phone, now);
        db.Technicians.Add(technician);
        db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), "technician.created", "technician", technician.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{http.Request.PathBase}/api/technicians/{technician.Id}", ToDto(technician, [], []));
    }

    private static async Task<Results<Ok<TechnicianDto>, NotFoundProblem, ValidationProblem>> Update(
        Guid id, TechnicianRequest request, ServiceProDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var technician = await db.Technicians.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (technician is null)
        {
            return NoSuchTechnician();
        }

        var (phone, errors) = await CheckAsync(request, db, id, ct);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var wasActive = technician.IsActive;
        Apply(technician, request, phone, clock.GetUtcNow());
        var action = (wasActive, technician.IsActive) switch
        {
            (true, false) => "technician.deactivated",
            (false, true) => "technician.reactivated",
            _ => "technician.updated",
        };
        db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), action, "technician", id.ToString()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await LoadDtoAsync(db, technician, ct));
    }

    private static async Task<Results<NoContent, Ok<TechnicianDto>, NotFoundProblem, ConflictProblem>> Delete(
        Guid id, ServiceProDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var technician = await db.Technicians.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (technician is null)
        {
            return NoSuchTechnician();
        }

        var now = clock.GetUtcNow();
        var upcoming = await db.Bookings.CountAsync(b => b.TechnicianId == id && b.EndsAt > now
            && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed), ct);
        if (upcoming > 0)
        {
            return Problems.Conflict($"{technician.Name} has {upcoming} upcoming booking(s). Move them to someone else or cancel them first, "
                + "or deactivate the technician to keep them out of new bookings.");
        }

        var actor = ServiceProClaims.ActorOf(http.User);

        // Past bookings and clocked hours are the business's records (and payroll's); they keep their technician.
        if (await db.Bookings.AnyAsync(b => b.TechnicianId == id, ct) || await db.TimeEntries.AnyAsync(e => e.TechnicianId == id, ct))
        {
            if (technician.IsActive)
            {
                technician.IsActive = false;
                technician.UpdatedAt = now;
                db.AuditLog.Add(AuditEntry.Create(clock, actor, "technician.deactivated", "technician", id.ToString(),
                    new() { ["reason"] = "delete requested; history kept" }));
                await db.SaveChangesAsync(ct);
            }

            return TypedResults.Ok(await LoadDtoAsync(db, technician, ct));
        }

        db.Technicians.Remove(technician); // skills, shifts and time off go with them
        db.AuditLog.Add(AuditEntry.Create(clock, actor, "technician.deleted", "technician", id.ToString(), new() { ["name"] = technician.Name }));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<TechnicianDto>, NotFoundProblem, ValidationProblem>> SetSkills(
        Guid id, SkillsRequest request, ServiceProDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var technician = await db.Technicians.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (technician is null)
        {
            return NoSuchTechnician();
        }

        if (request.ServiceIds is null)
        {
            return Problems.Invalid("serviceIds", "Give the ids of the services they do (an empty list means every service).");
        }

        var wanted = request.ServiceIds.ToHashSet();
        var known = await db.Services.Where(s => wanted.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        var unknown = wanted.Except(known).ToList();
        if (unknown.Count > 0)
        {
            return Problems.Invalid("serviceIds", $"This business has no service with id {string.Join(", ", unknown)}.");
        }

        // Changed by difference, so a skill kept is never deleted and re-added under the same key.
        var current = await db.TechnicianSkills.Where(s => s.TechnicianId == id).ToListAsync(ct);
        db.TechnicianSkills.RemoveRange(current.Where(s => !wanted.Contains(s.ServiceId)));
        db.TechnicianSkills.AddRange(wanted.Except(current.Select(s => s.ServiceId))
            .Select(serviceId => new TechnicianSkill { TechnicianId = id, ServiceId = serviceId }));
        technician.UpdatedAt = clock.GetUtcNow();
        db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), "technician.skills_set", "technician", id.ToString(),
            new() { ["services"] = string.Join(",", wanted.Order()) }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await LoadDtoAsync(db, technician, ct));
    }

    private static async Task<Results<Ok<TechnicianDto>, NotFoundProblem, ValidationProblem>> SetShifts(
        Guid id, List<ShiftInput?> request, ServiceProDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var technician = await db.Technicians.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (technician is null)
        {
            return NoSuchTechnician();
        }

        var (shifts, errors) = TechnicianRules.CheckShifts(request);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        db.TechnicianShifts.RemoveRange(await db.TechnicianShifts.Where(s => s.TechnicianId == id).ToListAsync(ct));
        db.TechnicianShifts.AddRange(shifts.Select(s => new TechnicianShift
        {
            Id = Guid.CreateVersion7(),
            TechnicianId = id,
            Weekday = s.Day,
            Start = s.Start,
            End = s.End,
        }));
        technician.UpdatedAt = clock.GetUtcNow();
        db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), "technician.shifts_set", "technician", id.ToString(),
            new()
            {
                ["shifts"] = string.Join("; ", shifts.OrderBy(s => TechnicianRules.WeekOrder(s.Day)).ThenBy(s => s.Start)
                .Select(s => $"{TechnicianRules.WeekdayName(s.Day)} {s.Start:HH:mm}-{s.End:HH:mm}"))
            }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await LoadDtoAsync(db, technician, ct));
    }

    /// <summary>The profile checks plus those that need the database: a linked sign-in must work here, and belongs
    /// to one technician at most (it is how a technician is recognised when they act for themselves).</summary>
    private static async Task<(string? Phone, Dictionary<string, string[]> Errors)> CheckAsync(
        TechnicianRequest request, ServiceProDbContext db, Guid? technicianId, CancellationToken ct)
    {
        var (phone, errors) = TechnicianRules.CheckProfile(request);
        if (request.UserId is { } userId)
        {
            if (!await db.StaffMemberships.AnyAsync(m => m.UserId == userId, ct))
            {
                errors["userId"] = ["This person does not work for this business; add them as staff first."];
            }
            else if (await db.Technicians.FirstOrDefaultAsync(t => t.UserId == userId && t.Id != technicianId, ct) is { } other)
            {
                errors["userId"] = [$"This sign-in is already linked to {other.Name}."];
            }
        }

        return (phone, errors);
    }

    private static void Apply(Technician technician, TechnicianRequest request, string? phone, DateTimeOffset now)
    {
        technician.Name = request.Name!.Trim();
        technician.Phone = phone;
        technician.Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        technician.Color = request.Color?.ToLowerInvariant() ?? DefaultColor;
        technician.UserId = request.UserId;
        technician.HomeBaseAddress = string.IsNullOrWhiteSpace(request.HomeBaseAddress) ? null : request.HomeBaseAddress.Trim();
        (technician.HomeBaseLat, technician.HomeBaseLng) = (request.HomeBaseLat, request.HomeBaseLng);
        technician.IsActive = request.IsActive ?? true;
        technician.UpdatedAt = now;
    }

    private static async Task<TechnicianDto> LoadDtoAsync(ServiceProDbContext db, Technician technician, CancellationToken ct) =>
        ToDto(technician,
            await db.TechnicianSkills.AsNoTracking().Where(s => s.TechnicianId == technician.Id).ToListAsync(ct),
            await db.TechnicianShifts.AsNoTracking().Where(s => s.TechnicianId == technician.Id).ToListAsync(ct));

    private static TechnicianDto ToDto(Technician t, IEnumerable<TechnicianSkill> skills, IEnumerable<TechnicianShift> shifts) => new(
        t.Id, t.Name, t.Phone, t.Email, t.Color, t.UserId, t.HomeBaseAddress, t.HomeBaseLat, t.HomeBaseLng, t.IsActive,
        skills.Select(s => s.ServiceId).Order().ToList(),
        shifts.OrderBy(s => TechnicianRules.WeekOrder(s.Weekday)).ThenBy(s => s.Start)
            .Select(s => new ShiftDto(TechnicianRules.WeekdayName(s.Weekday), s.Start.ToString("HH:mm"), s.End.ToString("HH:mm"))).ToList(),
        t.CreatedAt, t.UpdatedAt);

    internal static NotFoundProblem NoSuchTechnician() => Problems.NotFound("There is no such technician.");
}
