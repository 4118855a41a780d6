using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Persistence;
using ServicePro.Host.Scheduling;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Bookings;

public sealed record BookingDto(
    Guid Id, Guid CustomerId, Guid ServiceId, Guid TechnicianId, Guid? AssetId, Guid? SeriesId, DateOnly? OccurrenceDate,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status, string? Address, IReadOnlyDictionary<string, string> Answers,
    decimal EstimatedPrice, string Notes, string Source, DateTimeOffset? ConfirmedAt, DateTimeOffset? CompletedAt,
    DateTimeOffset? CancelledAt, string? CancellationReason, string? CancellationFeedback, int Version, DateTimeOffset CreatedAt)
{
    public static BookingDto From(Booking b) => new(
        b.Id, b.CustomerId, b.ServiceId, b.TechnicianId, b.AssetId, b.SeriesId, b.OccurrenceDate, b.StartsAt, b.EndsAt,
        SnakeCaseEnum.ToName(b.Status), b.Address, b.Answers, b.EstimatedPrice, b.Notes, b.Source, b.ConfirmedAt, b.CompletedAt,
        b.CancelledAt, b.CancellationReason, b.CancellationFeedback, b.Version, b.CreatedAt);
}

public sealed record CreateBookingRequest(
    Guid CustomerId, Guid ServiceId, [PlausibleDate] DateTimeOffset StartsAt, Guid? TechnicianId, Guid? AssetId,
    [TextMap(50)] Dictionary<string, string>? Answers, int? DurationMinutes, [Text(TextRules.Line)] string? Address, [Latitude] double? Lat,
    [Longitude] double? Lng, [Text(TextRules.Note, Multiline = true)] string? Notes,
    bool OutsideTheRules = false);

public sealed record RescheduleRequest([PlausibleDate] DateTimeOffset StartsAt, Guid? TechnicianId);

public sealed record CancelRequest([Text(TextRules.Line)] string? Reason, [Text(TextRules.Note, Multiline = true)] string? Feedback);

public static class BookingEndpoints
{
    private const string CreateScope = "booking.create";

    public static RouteGroupBuilder MapBookingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bookings").WithTags("Bookings").RequireAuthorization(Policies.TenantMember);
        group.MapGet("/", List).WithName("listBookings").WithSummary("Bookings starting between two instants (default: the next 7 days), optionally for one technician or status.");
        group.MapGet("/{id:guid}", Get).WithName("getBooking").WithSummary("One booking.");
        group.MapPost("/", Create).WithName("createBooking")
            .Produces<BookingDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary(
            "Book a job at one of the open start times. Send an Idempotency-Key header to retry safely: the same key with the same body " +
            "returns the first answer, with a different body 422. A taken time answers 409 with the nearest open times. Owners and " +
            "admins may set outsideTheRules (with a technicianId) to book a time the rules would not offer; overlaps are still refused.");
        group.MapPost("/{id:guid}/confirm", (Guid id, BookingService s, HttpContext h, CancellationToken ct) => Answer(s.ConfirmAsync(id, Actor(h), ct)))
            .WithName("confirmBooking").WithSummary("Confirm a pending booking.")
            .Produces<BookingDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/reschedule", (Guid id, RescheduleRequest r, BookingService s, HttpContext h, CancellationToken ct) =>
            Answer(s.RescheduleAsync(id, r.StartsAt, r.TechnicianId, Actor(h), ct)))
            .WithName("rescheduleBooking").WithSummary("Move a booking to another open start time, optionally with another technician. A taken time answers 409.")
            .Produces<BookingDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/{id:guid}/cancel", (Guid id, CancelRequest r, BookingService s, HttpContext h, CancellationToken ct) =>
            Answer(s.CancelAsync(id, r.Reason, r.Feedback, Actor(h), ct)))
            .WithName("cancelBooking").WithSummary("Cancel a booking with one of the cancellation reasons and optional feedback.")
            .Produces<BookingDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/complete", (Guid id, BookingService s, HttpContext h, CancellationToken ct) => Answer(s.CompleteAsync(id, Actor(h), ct)))
            .WithName("completeBooking").WithSummary("Mark a job done, once its time has started.")
            .Produces<BookingDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/no-show", (Guid id, BookingService s, HttpContext h, CancellationToken ct) => Answer(s.MarkNoShowAsync(id, Actor(h), ct)))
            .WithName("markBookingNoShow").WithSummary("Record that the customer missed the job, once its time has come.")
            .Produces<BookingDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Results<Ok<List<BookingDto>>, ValidationProblem>> List(
        [PlausibleDate] DateTimeOffset? from, [PlausibleDate] DateTimeOffset? to, Guid? technicianId, [Text(40)] string? status, ServiceProDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var start = from ?? clock.GetUtcNow();
        var end = to ?? start.AddDays(7);
        if (end <= start || end - start > TimeSpan.FromDays(62))
        {
            return Problems.Invalid("to", "Choose a range of up to 62 days, with 'to' after 'from'.");
        }

        BookingStatus? wanted = null;
        if (status is not null)
        {
            if (!SnakeCaseEnum.TryParse<BookingStatus>(status, out var parsed))
            {
                return Problems.Invalid("status", "Status is one of pending, confirmed, completed, cancelled, no_show.");
            }

            wanted = parsed;
        }

        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.StartsAt >= start && b.StartsAt < end)
            .Where(b => technicianId == null || b.TechnicianId == technicianId)
            .Where(b => wanted == null || b.Status == wanted)
            .OrderBy(b => b.StartsAt).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(bookings.Select(BookingDto.From).ToList());
    }

    private static async Task<Results<Ok<BookingDto>, NotFoundProblem>> Get(Guid id, ServiceProDbContext db, CancellationToken ct) =>
        await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is { } booking
            ? TypedResults.Ok(BookingDto.From(booking))
            : Problems.NotFound("There is no such booking.");

    private static async Task<IResult> Create(
        CreateBookingRequest request, HttpContext http, BookingService bookings, IdempotentRequests idempotency,
        IAuthorizationService authorization, IOptions<JsonOptions> json, CancellationToken ct)
    {
        if (request.OutsideTheRules && !(await authorization.AuthorizeAsync(http.User, Policies.TenantAdmin)).Succeeded)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Owners and admins only",
                detail: "Only the business's owners and admins can book outside the usual hours and rules.");
        }

        var key = http.Request.Headers[IdempotentRequests.Header].ToString();
        if (key.Length > IdempotentRequests.MaxKeyLength)
        {
            return Problems.Invalid("Idempotency-Key", $"Keys are at most {IdempotentRequests.MaxKeyLength} characters.");
        }

        var draft = new BookingDraft(request.CustomerId, request.ServiceId, request.StartsAt, "staff")
        {
            TechnicianId = request.TechnicianId,
            AssetId = request.AssetId,
            Answers = request.Answers,
            DurationMinutes = request.DurationMinutes,
            Address = request.Address,
            Lat = request.Lat,
            Lng = request.Lng,
            Notes = request.Notes,
            OutsideTheRules = request.OutsideTheRules,
        };

        // Checked before the fingerprint: serialising a number the checks refuse (NaN) would fail, and a refused request
        // should leave nothing behind.
        if (BookingService.Validate(draft) is { } invalid)
        {
            return ToProblem(invalid);
        }

        var fingerprint = IdempotentRequests.Fingerprint(request);
        if (key.Length > 0 && await idempotency.FindAsync(CreateScope, key, fingerprint, ct) is { } prior)
        {
            return Replay(prior);
        }

        BookingOutcome outcome;
        try
        {
            outcome = await bookings.CreateAsync(draft, Actor(http), ct, key.Length == 0 ? null : booking =>
                idempotency.Remember(CreateScope, key, fingerprint, StatusCodes.Status201Created,
                    JsonSerializer.Serialize(BookingDto.From(booking), json.Value.SerializerOptions)));
        }
        catch (DbUpdateException ex) when (key.Length > 0 && ex.InnerException is { } inner && UniqueViolationHandler.IsUniqueViolation(inner))
        {
            // Another request with the same key was stored first.
            if (await idempotency.FindAsync(CreateScope, key, fingerprint, ct) is not { } original)
            {
                throw;
            }

            return Replay(original);
        }

        // A retry racing its own original for the same time loses to it on the no-overlap constraint; it gets the original's answer.
        if (outcome is BookingConflict && key.Length > 0 && await idempotency.FindAsync(CreateScope, key, fingerprint, ct) is { } winner)
        {
            return Replay(winner);
        }

        return outcome is BookingDone done
            ? TypedResults.Created($"{http.Request.PathBase}/api/bookings/{done.Booking.Id}", BookingDto.From(done.Booking))
            : ToProblem(outcome);
    }

    private static IResult Replay(IdempotentPrior prior) => prior switch
    {
        IdempotentReplay replay => new ReplayedResult(replay),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency key reused",
            detail: "This Idempotency-Key was already used for a different request. Use a new key for a new booking."),
    };

    private static async Task<IResult> Answer(Task<BookingOutcome> change) =>
        await change switch
        {
            BookingDone done => TypedResults.Ok(BookingDto.From(done.Booking)),
            var other => ToProblem(other),
        };

    internal static IResult ToProblem(BookingOutcome outcome) => outcome switch
    {
        BookingRefused { Errors: { } errors } => Problems.Invalid(errors),
        BookingRefused refused => TypedResults.Problem(statusCode: refused.StatusCode, title: refused.Title, detail: refused.Detail),
        BookingConflict conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "That time is taken",
            detail: conflict.Detail,
            extensions: new Dictionary<string, object?> { ["alternatives"] = conflict.Alternatives.Select(s => SlotDto.From(s, true)).ToList() }),
        _ => throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}."),
    };

    private static string Actor(HttpContext http) => ServiceProClaims.ActorOf(http.User);

    /// <summary>The stored answer, byte for byte, marked as a replay.</summary>
    private sealed class ReplayedResult(IdempotentReplay replay) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = replay.StatusCode;
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            return httpContext.Response.WriteAsync(replay.Body);
        }
    }
}
