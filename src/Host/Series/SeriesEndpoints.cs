using System.Globalization;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ServicePro.Abstractions;
using ServicePro.Host.Auditing;
using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;
using ServicePro.Host.Customers;
using ServicePro.Host.Features;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Persistence;
using ServicePro.Host.Technicians;
using ServicePro.Host.Tenancy;
using ServicePro.Host.Validation;


namespace ServicePro.Host.Series;

/// <summary>
/// Recurring services: <c>/api/series</c>. Any staff member may set one up and change it, as they may book and cancel
/// single jobs. Occurrences are booked ahead by <see cref="SeriesJobs"/>; here a person skips or moves one date,
/// pauses (no new dates are booked; those already booked stay), resumes, or ends a series (its later bookings
/// still to come are cancelled). Every change is audited.
/// </summary>
public static class SeriesEndpoints
{
    private const string SeriesEntity = "booking_series";

    public static RouteGroupBuilder MapSeriesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/series")
            .WithTags("Recurring services")
            .RequireAuthorization(Policies.TenantMember)
            .RequireTenantFeature(FeatureFlags.RecurringServices);
        group.MapGet("/", List).WithName("listSeries").WithSummary("Series, newest first, optionally for one customer or status, with how many upcoming dates are in conflict.");
        group.MapGet("/{id:guid}", Get).WithName("getSeries").WithSummary("One series with every recorded date: booked, skipped, moved, or in conflict and why.");
        group.MapPost("/", Create).WithName("createSeries").WithSummary(
            "Set up a recurring service. Its dates are booked in the background up to eight weeks ahead; dates that cannot be " +
            "booked are recorded as conflicts with the reason.");
        group.MapPost("/{id:guid}/pause", Pause).WithName("pauseSeries")
            .Produces<SeriesDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Stop booking new dates. Dates already booked stay booked; skip them one by one if need be.");
        group.MapPost("/{id:guid}/resume", Resume).WithName("resumeSeries")
            .Produces<SeriesDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Book dates again, from today on.");
        group.MapPost("/{id:guid}/end", End).WithName("endSeries")
            .Produces<SeriesDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary(
            "Set the series' last day (default today). Bookings of later dates still to come are cancelled (reason default business_cancelled).");
        group.MapPost("/{id:guid}/occurrences/{date}/skip", Skip).WithName("skipSeriesDate")
            .Produces<SeriesDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary(
            "Skip one date: its booking, if any, is cancelled, and the date is never booked again. A date not yet booked can be skipped too.");
        group.MapPost("/{id:guid}/occurrences/{date}/move", Move).WithName("moveSeriesDate")
            .Produces<SeriesDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary(
            "Move one date's job to another time (and technician). A date in conflict, or not yet booked, is booked at that time.");
        return group;
    }

    private static async Task<Results<Ok<List<SeriesDto>>, ValidationProblem>> List(
        Guid? customerId, [Text(40)] string? status, ServiceProDbContext db, ITenantContext tenant, TimeProvider clock, CancellationToken ct)
    {
        SeriesStatus? wanted = null;
        if (status is not null)
        {
            if (!SnakeCaseEnum.TryParse<SeriesStatus>(status, out var parsed))
            {
                return Problems.Invalid("status", "Status is one of active, paused, ended.");
            }

            wanted = parsed;
        }

        var series = await db.BookingSeries.AsNoTracking()
            .Where(s => customerId == null || s.CustomerId == customerId)
            .Where(s => wanted == null || s.Status == wanted)
            .OrderByDescending(s => s.CreatedAt).Take(500).ToListAsync(ct);
        var ids = series.Select(s => s.Id).ToList();
        var today = Today(tenant, clock);
        var conflicts = await db.SeriesOccurrences.AsNoTracking()
            .Where(o => ids.Contains(o.SeriesId) && o.State == OccurrenceState.Conflict && o.Date >= today)
            .GroupBy(o => o.SeriesId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return TypedResults.Ok(series.Select(s => SeriesDto.From(s, conflicts.GetValueOrDefault(s.Id))).ToList());
    }

    private static async Task<Results<Ok<SeriesDto>, NotFoundProblem>> Get(
        Guid id, ServiceProDbContext db, ITenantContext tenant, TimeProvider clock, CancellationToken ct) =>
        await DetailsAsync(id, db, Today(tenant, clock), ct) is { } details
            ? TypedResults.Ok(details)
            : Problems.NotFound("There is no such series.");

    private static async Task<Results<Created<SeriesDto>, ValidationProblem>> Create(
        CreateSeriesRequest request, ServiceProDbContext db, JobEstimator estimator, ITenantContext tenant, TimeProvider clock,
        IBackgroundJobClient jobs, HttpContext http, CancellationToken ct)
    {
        var (series, errors) = await ValidateAsync(request, db, estimator, Today(tenant, clock), ct);
        if (series is null)
        {
            return Problems.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        series.Id = Guid.CreateVersion7();
        series.Status = SeriesStatus.Active;
        series.CreatedAt = now;
        series.UpdatedAt = now;
        db.BookingSeries.Add(series);
        db.AuditLog.Add(AuditEntry.Create(clock, Actor(http), "series.created", SeriesEntity, series.Id.ToString(), new()
        {
            ["customer_id"] = series.CustomerId.ToString(),
            ["technician_id"] = series.TechnicianId.ToString(),
            ["pattern"] = series.Pattern.Kind.ToString(),
        }));
        await db.SaveChangesAsync(ct);

        // Booked in the background: a daily series books 56 jobs, too many to make the person wait for.
        jobs.Enqueue<SeriesJobs>(j => j.GenerateSeriesAsync(series.TenantId, series.Id, CancellationToken.None));
        return TypedResults.Created($"{http.Request.PathBase}/api/series/{series.Id}", SeriesDto.From(series, 0, []));
    }

    private static Task<IResult> Pause(Guid id, ServiceProDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        ChangeStatusAsync(id, SeriesStatus.Paused, "paused", "series.paused", db, clock, http, ct);

    private static async Task<IResult> Resume(
        Guid id, ServiceProDbContext db, TimeProvider clock, IBackgroundJobClient jobs, HttpContext http, CancellationToken ct)
    {
        var result = await ChangeStatusAsync(id, SeriesStatus.Active, "resumed", "series.resumed", db, clock, http, ct);
        if (result is Ok<SeriesDto>)
        {
            jobs.Enqueue<SeriesJobs>(j => j.GenerateSeriesAsync(db.CurrentTenantId, id, CancellationToken.None));
        }

        return result;
    }

    /// <summary>Pauses or resumes; asking for the state the series is already in changes nothing.</summary>
    private static async Task<IResult> ChangeStatusAsync(
        Guid id, SeriesStatus to, string verb, string auditAction, ServiceProDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var series = await db.BookingSeries.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (series is null)
        {
            return Problems.NotFound("There is no such series.");
        }

        if (series.Status != to)
        {
            if (series.Status == SeriesStatus.Ended)
            {
                return Problems.Conflict($"This series has ended; it cannot be {verb}.");
            }

            series.Status = to;
            series.UpdatedAt = clock.GetUtcNow();
            db.AuditLog.Add(AuditEntry.Create(clock, Actor(http), auditAction, SeriesEntity, id.ToString()));
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(SeriesDto.From(series, 0));
    }

    private static async Task<IResult> End(
        Guid id, EndSeriesRequest? request, ServiceProDbContext db, BookingService bookings, ITenantContext tenant, TimeProvider clock,
        HttpContext http, CancellationToken ct)
    {
        var series = await db.BookingSeries.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (series is null)
        {
            return Problems.NotFound("There is no such series.");
        }

        if (series.Status == SeriesStatus.Ended)
        {
            return Problems.Conflict("This series has already ended.");
        }

        var today = Today(tenant, clock);
        var endsOn = request?.EndsOn ?? today;
        if (endsOn < series.StartsOn.AddDays(-1))
        {
            return Problems.Invalid("endsOn", string.Create(CultureInfo.InvariantCulture,
                $"Choose a last day from {series.StartsOn.AddDays(-1):yyyy-MM-dd} (the day before the first, for no dates at all) on."));
        }

        var reason = request?.Reason ?? CancellationReasons.BusinessCancelled;
        if (!CancellationReasons.All.Contains(reason))
        {
            return Problems.Invalid("reason", $"Choose a reason: {string.Join(", ", CancellationReasons.All)}.");
        }

        var actor = Actor(http);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var dropped = await db.SeriesOccurrences.AsNoTracking()
            .Where(o => o.SeriesId == id && o.Date > endsOn && o.Date >= today && o.State != OccurrenceState.Skipped)
            .OrderBy(o => o.Date).ToListAsync(ct);
        var cancelled = 0;
        foreach (var occurrence in dropped)
        {
            if (occurrence.BookingId is { } bookingId && await IsStillToComeAsync(db, bookingId, ct))
            {
                if (await bookings.CancelAsync(bookingId, reason, request?.Feedback, actor, ct) is not BookingDone and var refused)
                {
                    return BookingEndpoints.ToProblem(refused);
                }

                cancelled++;
            }
        }

        var now = clock.GetUtcNow();
        await db.SeriesOccurrences
            .Where(o => o.SeriesId == id && o.Date > endsOn && o.Date >= today && o.State != OccurrenceState.Skipped)
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.State, OccurrenceState.Skipped)
                .SetProperty(x => x.Detail, SeriesScheduler.SeriesEnded).SetProperty(x => x.UpdatedAt, now), ct);
        series.EndsOn = endsOn;

        // Ended once nothing is left to book; a last day beyond what is booked yet leaves the series running until then.
        if (endsOn <= today || endsOn <= series.GeneratedThrough)
        {
            series.Status = SeriesStatus.Ended;
        }

        series.UpdatedAt = now;
        db.AuditLog.Add(AuditEntry.Create(clock, actor, "series.ended", SeriesEntity, id.ToString(), new()
        {
            ["ends_on"] = endsOn.ToString("O", CultureInfo.InvariantCulture),
            ["cancelled_bookings"] = cancelled.ToString(CultureInfo.InvariantCulture),
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(await DetailsAsync(id, db, today, ct));
    }

    private static async Task<IResult> Skip(
        Guid id, DateOnly date, SkipOccurrenceRequest? request, ServiceProDbContext db, BookingService bookings, ITenantContext tenant,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var today = Today(tenant, clock);
        var (series, occurrence, problem) = await FindOccurrenceAsync(id, date, today, db, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (occurrence is { State: OccurrenceState.Skipped })
        {
            return TypedResults.Ok(await DetailsAsync(id, db, today, ct)); // already skipped: asking again changes nothing
        }

        var reason = request?.Reason ?? CancellationReasons.Other;
        if (!CancellationReasons.All.Contains(reason))
        {
            return Problems.Invalid("reason", $"Choose a reason: {string.Join(", ", CancellationReasons.All)}.");
        }

        var actor = Actor(http);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (occurrence?.BookingId is { } bookingId && await IsStillToComeAsync(db, bookingId, ct)
            && await bookings.CancelAsync(bookingId, reason, request?.Feedback, actor, ct) is not BookingDone and var refused)
        {
            return BookingEndpoints.ToProblem(refused);
        }

        var now = clock.GetUtcNow();
        db.ChangeTracker.Clear();
        if (occurrence is null)
        {
            // Never booked yet: the row alone keeps generation from booking it later.
            db.SeriesOccurrences.Add(new SeriesOccurrence { SeriesId = id, Date = date, State = OccurrenceState.Skipped, UpdatedAt = now });
        }
        else
        {
            occurrence.State = OccurrenceState.Skipped;
            occurrence.Detail = null;
            occurrence.UpdatedAt = now;
            db.SeriesOccurrences.Update(occurrence);
        }

        db.AuditLog.Add(AuditEntry.Create(clock, actor, "series.occurrence_skipped", SeriesEntity, id.ToString(), new()
        {
            ["date"] = date.ToString("O", CultureInfo.InvariantCulture),
            ["booking_id"] = occurrence?.BookingId?.ToString(),
        }));
        if (await SaveRacingGenerationAsync(db, ct) is { } raced)
        {
            return raced;
        }

        await transaction.CommitAsync(ct);
        return TypedResults.Ok(await DetailsAsync(series!.Id, db, today, ct));
    }

    private static async Task<IResult> Move(
        Guid id, DateOnly date, MoveOccurrenceRequest request, ServiceProDbContext db, BookingService bookings, ITenantContext tenant,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (request.StartsAt is not { } startsAt)
        {
            return Problems.Invalid("startsAt", "Say when the job should start instead.");
        }

        var today = Today(tenant, clock);
        var (series, occurrence, problem) = await FindOccurrenceAsync(id, date, today, db, ct);
        if (problem is not null)
        {
            return problem;
        }

        var actor = Actor(http);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        BookingOutcome outcome;
        if (occurrence?.BookingId is { } bookingId)
        {
            // The booking service marks the occurrence Moved in this same transaction.
            outcome = await bookings.RescheduleAsync(bookingId, startsAt, request.TechnicianId, actor, ct);
        }
        else
        {
            // In conflict, skipped before it was booked, or not generated yet: book it now at the time asked for.
            var draft = SeriesScheduler.DraftFor(series!, date, startsAt, request.TechnicianId);
            try
            {
                outcome = await bookings.CreateAsync(draft, actor, ct, booking =>
                {
                    var booked = occurrence ?? db.SeriesOccurrences.Add(new SeriesOccurrence { SeriesId = id, Date = date }).Entity;
                    booked.State = OccurrenceState.Booked;
                    booked.BookingId = booking.Id;
                    booked.Detail = null;
                    booked.UpdatedAt = clock.GetUtcNow();
                });
            }
            catch (DbUpdateException ex) when (ex.InnerException is { } inner && UniqueViolationHandler.IsUniqueViolation(inner))
            {
                return RacedGeneration();
            }
        }

        if (outcome is not BookingDone done)
        {
            return BookingEndpoints.ToProblem(outcome);
        }

        db.ChangeTracker.Clear();
        db.AuditLog.Add(AuditEntry.Create(clock, actor, "series.occurrence_moved", SeriesEntity, id.ToString(), new()
        {
            ["date"] = date.ToString("O", CultureInfo.InvariantCulture),
            ["booking_id"] = done.Booking.Id.ToString(),
            ["starts_at"] = done.Booking.StartsAt.ToString("O", CultureInfo.InvariantCulture),
            ["technician_id"] = done.Booking.TechnicianId.ToString(),
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(await DetailsAsync(id, db, today, ct));
    }

    /// <summary>The series and the date's occurrence (tracked; null when not recorded yet), or why the date cannot be changed.</summary>
    private static async Task<(BookingSeries? Series, SeriesOccurrence? Occurrence, IResult? Problem)> FindOccurrenceAsync(
        Guid id, DateOnly date, DateOnly today, ServiceProDbContext db, CancellationToken ct)
    {
        var series = await db.BookingSeries.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (series is null)
        {
            return (null, null, Problems.NotFound("There is no such series."));
        }

        var occurrence = await db.SeriesOccurrences.FirstOrDefaultAsync(o => o.SeriesId == id && o.Date == date, ct);
        if (occurrence is null && !Recurrence.Includes(series.Pattern, series.StartsOn, series.EndsOn, date))
        {
            return (series, null, Problems.NotFound(string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd} is not one of this series' dates.")));
        }

        if (date < today)
        {
            return (series, occurrence, Problems.Conflict("That date has passed; change its booking instead."));
        }

        return (series, occurrence, null);
    }

    /// <summary>Whether the booking still holds a future job (pending or confirmed), as opposed to cancelled or done.</summary>
    private static Task<bool> IsStillToComeAsync(ServiceProDbContext db, Guid bookingId, CancellationToken ct) =>
        db.Bookings.AnyAsync(b => b.Id == bookingId && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed), ct);

    /// <summary>Saves; a unique violation means the generation job recorded this date at the same moment.</summary>
    private static async Task<IResult?> SaveRacingGenerationAsync(ServiceProDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException ex) when (ex.InnerException is { } inner && UniqueViolationHandler.IsUniqueViolation(inner))
        {
            return RacedGeneration();
        }
    }

    private static ConflictProblem RacedGeneration() =>
        Problems.Conflict("This date was being booked at the same moment. Reload the series and try again.");

    private static async Task<SeriesDto?> DetailsAsync(Guid id, ServiceProDbContext db, DateOnly today, CancellationToken ct)
    {
        var series = await db.BookingSeries.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (series is null)
        {
            return null;
        }

        var occurrences = await db.SeriesOccurrences.AsNoTracking().Where(o => o.SeriesId == id).OrderBy(o => o.Date).ToListAsync(ct);
        var bookingIds = occurrences.Where(o => o.BookingId != null).Select(o => o.BookingId!.Value).ToList();
        var bookings = await db.Bookings.AsNoTracking().Where(b => bookingIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        var conflicts = occurrences.Count(o => o.State == OccurrenceState.Conflict && o.Date >= today);
        return SeriesDto.From(series, conflicts,
            occurrences.Select(o => OccurrenceDto.From(o, o.BookingId is { } b ? bookings.GetValueOrDefault(b) : null)).ToList());
    }

    /// <summary>The series described by the request, or why it cannot be (keys are the request's camelCase fields).</summary>
    private static async Task<(BookingSeries? Series, Dictionary<string, string[]> Errors)> ValidateAsync(
        CreateSeriesRequest request, ServiceProDbContext db, JobEstimator estimator, DateOnly today, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var pattern = request.Pattern is null ? null : request.Pattern.ToPattern(today, errors);
        if (request.Pattern is null)
        {
            errors["pattern"] = ["Say how the series repeats."];
        }

        if (!TimeOnly.TryParseExact(request.LocalStartTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var startTime))
        {
            errors["localStartTime"] = ["Give the start time as 24-hour HH:mm, e.g. 09:30."];
        }

        if (request.DurationMinutes is < 5 or > 24 * 60)
        {
            errors["durationMinutes"] = ["A job lasts 5 to 1440 minutes."];
        }

        var lastStart = today.AddYears(RecurrencePatternDto.MaxYearsAhead);
        var startsOn = request.StartsOn ?? (pattern is { Kind: RecurrenceKind.Dates, Dates: [var first, ..] } ? first : today);
        if (startsOn < today || startsOn > lastStart)
        {
            errors["startsOn"] = [string.Create(CultureInfo.InvariantCulture, $"Start from today ({today:yyyy-MM-dd}) to {lastStart:yyyy-MM-dd}.")];
        }

        var endsOn = request.EndsOn ?? (pattern is { Kind: RecurrenceKind.Dates } ? pattern.Dates[^1] : null);
        if (endsOn < startsOn)
        {
            errors["endsOn"] = ["The last day cannot be before the first."];
        }
        else if (pattern is not null && !errors.ContainsKey("startsOn")
                 && !Recurrence.DatesBetween(pattern, startsOn, endsOn, startsOn, endsOn ?? startsOn.AddYears(1)).Any())
        {
            errors["pattern"] = ["The pattern has no date between the first and last day."];
        }

        GeoRules.CheckPair(request.Lat, request.Lng, "lat", "lng", errors);

        var customerExists = request.CustomerId is { } customerId && await db.Customers.AnyAsync(c => c.Id == customerId, ct);
        if (!customerExists)
        {
            errors["customerId"] = ["Choose one of the business's customers."];
        }

        if (request.AssetId is { } assetId && !await db.CustomerAssets.AnyAsync(a => a.Id == assetId && a.CustomerId == request.CustomerId, ct))
        {
            errors["assetId"] = ["That vehicle, pet or property does not belong to this customer."];
        }

        var service = request.ServiceId is { } serviceId ? await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, ct) : null;
        if (service is not { IsActive: true })
        {
            errors["serviceId"] = ["Choose one of the business's active services."];
        }

        var technician = request.TechnicianId is { } technicianId
            ? await db.Technicians.AsNoTracking().FirstOrDefaultAsync(t => t.Id == technicianId && t.IsActive, ct)
            : null;
        if (technician is null)
        {
            errors["technicianId"] = ["Choose one of the business's active technicians."];
        }
        else if (service is not null && await db.TechnicianSkills.AnyAsync(k => k.TechnicianId == technician.Id, ct)
                 && !await db.TechnicianSkills.AnyAsync(k => k.TechnicianId == technician.Id && k.ServiceId == service.Id, ct))
        {
            errors["technicianId"] = [$"{technician.Name} does not do {service.Name}."];
        }

        JobEstimate? estimate = null;
        if (service is { IsActive: true } && request.Answers is { Count: > 0 } answers)
        {
            var outcome = estimator.Estimate(service, answers);
            foreach (var (field, messages) in outcome.Errors)
            {
                errors[field] = messages;
            }

            if (outcome.Unavailable is { } reason)
            {
                errors["answers"] = [reason];
            }

            estimate = outcome.Estimate;
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new BookingSeries
        {
            CustomerId = request.CustomerId!.Value,
            ServiceId = service!.Id,
            TechnicianId = technician!.Id,
            AssetId = request.AssetId,
            Pattern = pattern!,
            LocalStartTime = startTime,
            DurationMinutes = request.DurationMinutes ?? estimate?.DurationMinutes ?? service.DurationMinutes,
            StartsOn = startsOn,
            EndsOn = endsOn,
            Address = request.Address?.Trim(),
            Lat = request.Lat,
            Lng = request.Lng,
            Answers = request.Answers ?? [],
            EstimatedPrice = estimate?.Price ?? service.PriceMin,
            Notes = request.Notes?.Trim() ?? "",
        }, errors);
    }

    private static DateOnly Today(ITenantContext tenant, TimeProvider clock) => SeriesScheduler.TodayIn(tenant.Tenant!.Timezone, clock);

    private static string Actor(HttpContext http) => ServiceProClaims.ActorOf(http.User);
}
