using Microsoft.EntityFrameworkCore;
using ServicePro.Host.Auditing;
using ServicePro.Host.Customers;
using ServicePro.Host.Events;
using ServicePro.Host.Notices;
using ServicePro.Host.Persistence;
using ServicePro.Host.Scheduling;
using ServicePro.Host.Series;
using ServicePro.Host.Technicians;
using ServicePro.Host.Tenancy;
using ServicePro.Host.Validation;

namespace ServicePro.Host.Bookings;

/// <summary>
/// The one way bookings are made and changed — by staff, the booking widget, the assistant or a recurring
/// series. Each change checks the tenant's rules through the availability engine, is audited and records a
/// domain event in the same transaction. On PostgreSQL the exclusion constraint <see cref="BookingOverlap"/> has
/// the last word: of two requests racing for one technician's time, exactly one is stored.
/// </summary>
public sealed class BookingService(
    ServiceProDbContext db,
    AvailabilityService availability,
    DomainEventOutbox events,
    ITenantContext tenant,
    TimeProvider clock)
{
    /// <summary>How many open times a conflict offers instead, and how far ahead it looks for them.</summary>
    private const int AlternativesOffered = 5;

    private const int AlternativesSearchDays = 14;

    /// <param name="beforeSave">Adds rows that must be stored with the booking or not at all (an idempotency record).</param>
    public async Task<BookingOutcome> CreateAsync(BookingDraft draft, string actor, CancellationToken ct, Action<Booking>? beforeSave = null)
    {
        if (Validate(draft) is { } invalid)
        {
            return invalid;
        }

        return await OnOneConnectionAsync(() => CreateValidAsync(draft, actor, beforeSave, ct), ct);
    }

    private async Task<BookingOutcome> CreateValidAsync(BookingDraft draft, string actor, Action<Booking>? beforeSave, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == draft.CustomerId, ct);
        if (customer is null)
        {
            return BookingRefused.Invalid("customerId", "There is no such customer.");
        }

        if (draft.AssetId is { } assetId && !await db.CustomerAssets.AnyAsync(a => a.Id == assetId && a.CustomerId == draft.CustomerId, ct))
        {
            return BookingRefused.Invalid("assetId", "That vehicle, pet or property does not belong to this customer.");
        }

        var location = draft.Lat is { } lat && draft.Lng is { } lng ? new GeoPoint(lat, lng)
            : customer.Lat is { } clat && customer.Lng is { } clng ? new GeoPoint(clat, clng) : null;
        var request = AlternativesWindow(new AvailabilityRequest(draft.ServiceId, LocalDate(draft.StartsAt), LocalDate(draft.StartsAt))
        {
            TechnicianId = draft.TechnicianId,
            DurationMinutes = draft.DurationMinutes,
            Answers = draft.Answers,
            Location = location,
        });
        if (draft.OutsideTheRules && !await db.Technicians.AnyAsync(t => t.Id == draft.TechnicianId && t.IsActive, ct))
        {
            return BookingRefused.Invalid("technicianId", "There is no such active technician.");
        }

        // Outside the rules the open times still say what the service costs and how long it takes; the area is not asked.
        var answer = await availability.FindAsync(draft.OutsideTheRules ? request with { Location = null } : request, ct);
        if (answer is not OpenTimes open)
        {
            return Refusal(answer);
        }

        var slot = open.Slots.FirstOrDefault(s => s.StartUtc == draft.StartsAt);
        if (slot is null && !draft.OutsideTheRules)
        {
            return Conflict(request, draft.StartsAt, Nearest(open.Slots, draft.StartsAt));
        }

        var now = clock.GetUtcNow();
        var booking = new Booking
        {
            Id = Guid.CreateVersion7(),
            CustomerId = draft.CustomerId,
            ServiceId = draft.ServiceId,
            TechnicianId = draft.TechnicianId ?? slot!.Technicians[0],
            AssetId = draft.AssetId,
            SeriesId = draft.SeriesId,
            OccurrenceDate = draft.OccurrenceDate,
            StartsAt = draft.StartsAt,
            EndsAt = draft.StartsAt.AddMinutes(open.DurationMinutes),
            Status = draft.ConfirmedAtOnce ? BookingStatus.Confirmed : BookingStatus.Pending,
            ConfirmedAt = draft.ConfirmedAtOnce ? now : null,
            Address = draft.Address?.Trim() ?? customer.Address,
            Lat = location?.Lat,
            Lng = location?.Lng,
            Answers = draft.Answers?.ToDictionary() ?? [],
            EstimatedPrice = open.Price,
            Notes = draft.Notes?.Trim() ?? "",
            Source = draft.Source,
            CustomerCode = BookingLinks.NewCode(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Bookings.Add(booking);
        var recorded = new Dictionary<string, string?>
        {
            ["starts_at"] = booking.StartsAt.ToString("O"),
            ["technician_id"] = booking.TechnicianId.ToString(),
            ["source"] = booking.Source,
            ["status"] = SnakeCaseEnum.ToName(booking.Status),
        };
        if (draft.OutsideTheRules)
        {
            recorded["outside_the_rules"] = "true";
        }

        Record(actor, "booking.created", DomainEventTypes.BookingCreated, booking, recorded);
        beforeSave?.Invoke(booking);
        return await SaveAsync(booking, () => ConflictAsync(request, draft.StartsAt, ct), ct);
    }

    public Task<BookingOutcome> RescheduleAsync(Guid id, DateTimeOffset startsAt, Guid? technicianId, string actor, CancellationToken ct) =>
        OnOneConnectionAsync(() => RescheduleOnOneConnectionAsync(id, startsAt, technicianId, actor, ct), ct);

    private async Task<BookingOutcome> RescheduleOnOneConnectionAsync(Guid id, DateTimeOffset startsAt, Guid? technicianId, string actor, CancellationToken ct)
    {
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (booking is null)
        {
            return BookingRefused.NotFound("There is no such booking.");
        }

        if (booking.Status is not (BookingStatus.Pending or BookingStatus.Confirmed))
        {
            return BookingRefused.WrongState($"A {Describe(booking.Status)} booking cannot be moved.");
        }

        if (startsAt.Second != 0 || startsAt.Millisecond != 0)
        {
            return BookingRefused.Invalid("startsAt", "Choose one of the offered start times.");
        }

        var duration = (int)(booking.EndsAt - booking.StartsAt).TotalMinutes;
        var request = AlternativesWindow(new AvailabilityRequest(booking.ServiceId, LocalDate(startsAt), LocalDate(startsAt))
        {
            TechnicianId = technicianId ?? booking.TechnicianId,
            DurationMinutes = duration,
            IgnoreBookingId = booking.Id,
        });
        var answer = await availability.FindAsync(request, ct);
        if (answer is not OpenTimes open)
        {
            return Refusal(answer);
        }

        if (!open.Slots.Any(s => s.StartUtc == startsAt))
        {
            return Conflict(request, startsAt, Nearest(open.Slots, startsAt));
        }

        var previous = booking.StartsAt;
        var previousTechnician = booking.TechnicianId;
        booking.StartsAt = startsAt;
        booking.EndsAt = startsAt.AddMinutes(duration);
        booking.TechnicianId = request.TechnicianId!.Value;
        Touch(booking);
        if (booking.SeriesId is { } seriesId && booking.OccurrenceDate is { } date
            && await db.SeriesOccurrences.FirstOrDefaultAsync(o => o.SeriesId == seriesId && o.Date == date, ct) is { } occurrence)
        {
            // Saved with the move, so a move refused by the no-overlap constraint leaves the occurrence as it was.
            occurrence.State = OccurrenceState.Moved;
            occurrence.UpdatedAt = clock.GetUtcNow();
        }

        Record(actor, "booking.rescheduled", DomainEventTypes.BookingRescheduled, booking, new()
        {
            ["previous_starts_at"] = previous.ToString("O"),
            ["starts_at"] = startsAt.ToString("O"),
            ["previous_technician_id"] = previousTechnician.ToString(),
            ["technician_id"] = booking.TechnicianId.ToString(),
        });
        return await SaveAsync(booking, () => ConflictAsync(request, startsAt, ct), ct);
    }

    public Task<BookingOutcome> ConfirmAsync(Guid id, string actor, CancellationToken ct) =>
        TransitionAsync(id, actor, DomainEventTypes.BookingConfirmed, booking =>
        {
            if (booking.Status != BookingStatus.Pending)
            {
                return BookingRefused.WrongState($"Only a pending booking can be confirmed; this one is {Describe(booking.Status)}.");
            }

            booking.Status = BookingStatus.Confirmed;
            booking.ConfirmedAt = clock.GetUtcNow();
            return null;
        }, null, ct);

    public Task<BookingOutcome> CancelAsync(Guid id, string? reason, string? feedback, string actor, CancellationToken ct)
    {
        if (reason is null || !CancellationReasons.All.Contains(reason))
        {
            return Task.FromResult<BookingOutcome>(BookingRefused.Invalid("reason", $"Choose a reason: {string.Join(", ", CancellationReasons.All)}."));
        }

        // The staff's booking form reaches this service without the API's attributes: the same rules, here.
        if (feedback is not null && TextRules.Problem(feedback, TextRules.Note, multiline: true) is { } feedbackProblem)
        {
            return Task.FromResult<BookingOutcome>(BookingRefused.Invalid("feedback", feedbackProblem));
        }

        return TransitionAsync(id, actor, DomainEventTypes.BookingCancelled, booking =>
        {
            if (booking.Status is not (BookingStatus.Pending or BookingStatus.Confirmed))
            {
                return BookingRefused.WrongState($"A {Describe(booking.Status)} booking cannot be cancelled.");
            }

            booking.Status = BookingStatus.Cancelled;
            booking.CancelledAt = clock.GetUtcNow();
            booking.CancellationReason = reason;
            booking.CancellationFeedback = string.IsNullOrWhiteSpace(feedback) ? null : feedback.Trim();
            return null;
        }, new() { ["reason"] = reason }, ct);
    }

    public Task<BookingOutcome> CompleteAsync(Guid id, string actor, CancellationToken ct) =>
        TransitionAsync(id, actor, DomainEventTypes.BookingCompleted, booking =>
        {
            if (booking.Status is not (BookingStatus.Pending or BookingStatus.Confirmed))
            {
                return BookingRefused.WrongState($"A {Describe(booking.Status)} booking cannot be completed.");
            }

            if (booking.StartsAt > clock.GetUtcNow())
            {
                return BookingRefused.WrongState("A job cannot be completed before it has started.");
            }

            booking.Status = BookingStatus.Completed;
            booking.CompletedAt = clock.GetUtcNow();
            return null;
        }, null, ct);

    public Task<BookingOutcome> MarkNoShowAsync(Guid id, string actor, CancellationToken ct) =>
        TransitionAsync(id, actor, DomainEventTypes.BookingNoShow, booking =>
        {
            if (booking.Status is not (BookingStatus.Pending or BookingStatus.Confirmed))
            {
                return BookingRefused.WrongState($"A {Describe(booking.Status)} booking cannot be marked as a no-show.");
            }

            if (booking.StartsAt > clock.GetUtcNow())
            {
                return BookingRefused.WrongState("A customer can only miss a job once its time has come.");
            }

            booking.Status = BookingStatus.NoShow;
            return null;
        }, null, ct);

    /// <summary>The nearest open times for the same job, from the day asked for onwards.</summary>
    private async Task<IReadOnlyList<AvailableSlot>> AlternativesAsync(AvailabilityRequest request, DateTimeOffset after, CancellationToken ct) =>
        await availability.FindAsync(AlternativesWindow(request) with { Location = null }, ct) is OpenTimes open ? Nearest(open.Slots, after) : [];

    /// <summary>
    /// The check of a wanted time reads the two weeks that alternatives come from as well: a time that is taken —
    /// as it is for all but one of many people asking for it at once — is answered from the same read.
    /// </summary>
    private static AvailabilityRequest AlternativesWindow(AvailabilityRequest request) =>
        request with { To = request.From.AddDays(AlternativesSearchDays - 1) };

    /// <summary>The open times nearest to <paramref name="wanted"/>: the next ones after it first, then the closest before it.</summary>
    private static List<AvailableSlot> Nearest(IReadOnlyList<AvailableSlot> slots, DateTimeOffset wanted) =>
        slots.Where(s => s.StartUtc >= wanted).Concat(slots.Where(s => s.StartUtc < wanted).Reverse())
            .Take(AlternativesOffered).OrderBy(s => s.StartUtc).ToList();

    /// <summary>
    /// Runs a change's reads and its save on one open connection, so the tenant is set on it once rather than once per
    /// statement (EF Core opens and closes the connection around each one otherwise). Nested calls share it.
    /// </summary>
    private async Task<BookingOutcome> OnOneConnectionAsync(Func<Task<BookingOutcome>> change, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await change();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<BookingOutcome> TransitionAsync(
        Guid id, string actor, string eventType, Func<Booking, BookingRefused?> change, Dictionary<string, string?>? data, CancellationToken ct)
    {
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (booking is null)
        {
            return BookingRefused.NotFound("There is no such booking.");
        }

        if (change(booking) is { } refused)
        {
            return refused;
        }

        Touch(booking);
        Record(actor, eventType, eventType, booking, data ?? []);
        return await SaveAsync(booking, null, ct);
    }

    private async Task<BookingOutcome> SaveAsync(Booking booking, Func<Task<BookingOutcome>>? onOverlap, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (onOverlap is not null && LostTheRace(ex))
        {
            db.ChangeTracker.Clear();
            return await onOverlap();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return BookingRefused.WrongState("Someone else changed this booking at the same moment. Reload it and try again.");
        }

        events.RequestDelivery();
        return new BookingDone(booking);
    }

    /// <summary>Our insert lost the race for the time: the read before it could not know, so the alternatives are read afresh.</summary>
    private async Task<BookingOutcome> ConflictAsync(AvailabilityRequest request, DateTimeOffset wanted, CancellationToken ct) =>
        Conflict(request, wanted, await AlternativesAsync(request, wanted, ct));

    private BookingConflict Conflict(AvailabilityRequest request, DateTimeOffset wanted, IReadOnlyList<AvailableSlot> alternatives)
    {
        var local = TimeZoneInfo.ConvertTime(wanted, Zone);
        return new BookingConflict(
            $"{local:dddd, MMMM d 'at' h:mm tt} is not available{(request.TechnicianId is null ? "" : " with that technician")}. " +
            (alternatives.Count == 0 ? "There is no open time in the next two weeks." : "Here are the nearest open times."),
            alternatives);
    }

    /// <summary>The checks a draft must pass before anything is read, saved or fingerprinted for it; null when it passes.</summary>
    public static BookingRefused? Validate(BookingDraft draft)
    {
        if (!BookingDraft.Sources.Contains(draft.Source))
        {
            return BookingRefused.Invalid("source", "Unknown booking source.");
        }

        if (draft.StartsAt.Second != 0 || draft.StartsAt.Millisecond != 0)
        {
            return BookingRefused.Invalid("startsAt", "Choose one of the offered start times.");
        }

        // NaN passes every range comparison ("NaN" and "Infinity" arrive as JSON strings), so finiteness is checked on its own.
        if ((draft.Lat is null) != (draft.Lng is null) || draft.Lat is < -90 or > 90 || draft.Lng is < -180 or > 180
            || draft.Lat is { } lat && !double.IsFinite(lat) || draft.Lng is { } lng && !double.IsFinite(lng))
        {
            return BookingRefused.Invalid("lat", "Give both latitude (−90 to 90) and longitude (−180 to 180), or neither.");
        }

        if (draft.OutsideTheRules && draft.TechnicianId is null)
        {
            return BookingRefused.Invalid("technicianId", "Name the technician for a booking outside the usual rules.");
        }

        if (draft.Notes is not null && TextRules.Problem(draft.Notes, TextRules.Note, multiline: true) is { } notesProblem)
        {
            return BookingRefused.Invalid("notes", notesProblem);
        }

        if (draft.Address is not null && TextRules.Problem(draft.Address, TextRules.Line) is { } addressProblem)
        {
            return BookingRefused.Invalid("address", addressProblem);
        }

        return null;
    }

    private static BookingRefused Refusal(AvailabilityAnswer answer) => answer switch
    {
        OutsideServiceArea outside => new BookingRefused(422, "Outside the service area", outside.Message),
        AvailabilityRefused { Errors: { } errors } refused => new BookingRefused(refused.StatusCode, "Some fields need attention", refused.Detail, errors),
        AvailabilityRefused { StatusCode: 404 } refused => BookingRefused.Invalid("serviceId", refused.Detail),
        AvailabilityRefused refused => new BookingRefused(refused.StatusCode, "Cannot book now", refused.Detail),
        _ => throw new InvalidOperationException($"Unexpected availability answer {answer.GetType().Name}."),
    };

    private void Record(string actor, string auditAction, string eventType, Booking booking, Dictionary<string, string?> data)
    {
        db.AuditLog.Add(AuditEntry.Create(clock, actor, auditAction, "booking", booking.Id.ToString(), new(data)));
        events.Record(eventType, booking.Id, data);
    }

    private void Touch(Booking booking)
    {
        booking.Version++;
        booking.UpdatedAt = clock.GetUtcNow();
    }

    private TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(tenant.Tenant!.Timezone);

    private DateOnly LocalDate(DateTimeOffset instant) => LocalDates.Of(instant, Zone);

    private static string Describe(BookingStatus status) => SnakeCaseEnum.ToName(status).Replace('_', ' ');

    /// <summary>
    /// Another booking for the same technician and time won: the exclusion constraint refused ours (23P01), or
    /// PostgreSQL broke a deadlock between two such inserts — each had added its index entry and then waited for the
    /// other's — by aborting ours (40P01; Npgsql reports it wrapped as a transient failure).
    /// </summary>
    private static bool LostTheRace(Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is Npgsql.PostgresException { SqlState: BookingOverlap.SqlState or Npgsql.PostgresErrorCodes.DeadlockDetected })
            {
                return true;
            }
        }

        return false;
    }
}
