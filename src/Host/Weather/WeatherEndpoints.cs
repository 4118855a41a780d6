using System.Globalization;
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

namespace ServicePro.Host.Weather;

/// <param name="LocalStart">The start on the business's wall clock, "2026-12-02T10:00".</param>
public sealed record WeatherBookingDto(
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string LocalStart, string Status, Guid CustomerId, string CustomerName,
    Guid ServiceId, string ServiceName, Guid TechnicianId, string TechnicianName, string? Address);

public sealed record AlternativeSlotDto(DateTimeOffset StartsAt, string LocalStart, Guid TechnicianId, string TechnicianName);

public sealed record WeatherRiskDto(
    Guid BookingId, string Status, string Reason, WeatherBookingDto Booking, IReadOnlyList<AlternativeSlotDto> Alternatives,
    DateTimeOffset CheckedAt, DateTimeOffset? NotifiedAt);

public sealed record WeatherRescheduleRequest([PlausibleDate] DateTimeOffset StartsAt, Guid? TechnicianId);

/// <summary>
/// The business's view of weather risks: upcoming outdoor bookings the forecast puts at risk, and what to do
/// about each — tell the customer, move the job to a proposed time, or go ahead anyway.
/// </summary>
public static class WeatherEndpoints
{
    private const string NoRisk = "This booking has no weather risk at its current time.";

    public static RouteGroupBuilder MapWeatherEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/weather/risks").WithTags("Weather")
            .RequireAuthorization(Policies.TenantMember)
            .RequireTenantFeature(FeatureFlags.WeatherRescheduling);
        group.MapGet("/", List).WithName("listWeatherRisks").WithSummary("Upcoming bookings the forecast puts at risk (at risk or customer notified), soonest first, with the proposed times.");
        group.MapPost("/{bookingId:guid}/dismiss", Dismiss).WithName("dismissWeatherRisk").WithSummary("Go ahead anyway: the booking is no longer shown as at risk unless it moves.");
        group.MapPost("/{bookingId:guid}/notify", Notify).WithName("notifyWeatherRisk").WithSummary("Send the customer the business's weather message with the reason and the proposed times.");
        group.MapPost("/{bookingId:guid}/reschedule", Reschedule).WithName("rescheduleWeatherRisk")
            .Produces<WeatherRiskDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable).WithSummary("Move the booking to one of the proposed times; the risk is cleared.");
        return group;
    }

    private static async Task<Ok<List<WeatherRiskDto>>> List(ServiceProDbContext db, ITenantContext tenant, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var open = db.WeatherRisks.Where(r => r.Status == WeatherRiskStatus.AtRisk || r.Status == WeatherRiskStatus.Notified);
        return TypedResults.Ok(await ViewsAsync(db, tenant, open, now, ct));
    }

    private static async Task<Results<Ok<WeatherRiskDto>, NotFoundProblem>> Dismiss(
        Guid bookingId, ServiceProDbContext db, ITenantContext tenant, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await CurrentRiskAsync(db, bookingId, now, ct) is not { } risk)
        {
            return Problems.NotFound(NoRisk);
        }

        if (risk.Status != WeatherRiskStatus.Dismissed)
        {
            var previous = risk.Status;
            risk.Status = WeatherRiskStatus.Dismissed;
            db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), "weather_risk.dismissed", "booking", bookingId.ToString(),
                new() { ["from"] = SnakeCaseEnum.ToName(previous), ["reason"] = risk.Reason }));
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(await ViewAsync(db, tenant, bookingId, now, ct));
    }

    private static async Task<Results<Ok<WeatherRiskDto>, NotFoundProblem, ConflictProblem>> Notify(
        Guid bookingId, ServiceProDbContext db, ITenantContext tenant, IWeatherNotifier notifier, HttpContext http, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await CurrentRiskAsync(db, bookingId, now, ct) is not { } risk || risk.Status == WeatherRiskStatus.Dismissed)
        {
            return Problems.NotFound(NoRisk);
        }

        if (risk.Status == WeatherRiskStatus.AtRisk)
        {
            var outcome = await notifier.NotifyAsync(new WeatherNotice(bookingId, risk.ForStartsAt, risk.Reason, risk.Alternatives), ct);
            if (!outcome.Sent)
            {
                return Problems.Conflict("The customer was not told", outcome.WhyNot!);
            }

            risk.Status = WeatherRiskStatus.Notified;
            risk.NotifiedAt = clock.GetUtcNow();
            db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), "weather_risk.notified", "booking", bookingId.ToString(),
                new() { ["reason"] = risk.Reason }));
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(await ViewAsync(db, tenant, bookingId, now, ct));
    }

    private static async Task<IResult> Reschedule(
        Guid bookingId, WeatherRescheduleRequest request, ServiceProDbContext db, BookingService bookings, HttpContext http, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await CurrentRiskAsync(db, bookingId, now, ct) is not { } risk)
        {
            return Problems.NotFound(NoRisk);
        }

        var chosen = risk.Alternatives.FirstOrDefault(a =>
            a.StartsAt == request.StartsAt && (request.TechnicianId is null || a.TechnicianId == request.TechnicianId));
        if (chosen is null)
        {
            return Problems.Invalid("startsAt", "Choose one of the proposed times.");
        }

        var actor = ServiceProClaims.ActorOf(http.User);
        var outcome = await bookings.RescheduleAsync(bookingId, chosen.StartsAt, chosen.TechnicianId, actor, ct);
        if (outcome is not BookingDone done)
        {
            return BookingEndpoints.ToProblem(outcome);
        }

        // Saved after the move, not with it: should this save be lost, the risk still names the old start, and both
        // this list and the next check treat a risk for another start as stale.
        risk.Status = WeatherRiskStatus.Cleared;
        risk.ForStartsAt = done.Booking.StartsAt;
        risk.CheckedAt = clock.GetUtcNow();
        db.AuditLog.Add(AuditEntry.Create(clock, actor, "weather_risk.rescheduled", "booking", bookingId.ToString(),
            new() { ["starts_at"] = done.Booking.StartsAt.ToString("O"), ["reason"] = risk.Reason }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(BookingDto.From(done.Booking));
    }

    /// <summary>
    /// The booking's risk when it is about the booking as it stands: the booking still holds time, starts later, and
    /// starts when the forecast was checked for. Anything else is for the next check to judge.
    /// </summary>
    private static async Task<WeatherRisk?> CurrentRiskAsync(ServiceProDbContext db, Guid bookingId, DateTimeOffset now, CancellationToken ct) =>
        await (from risk in db.WeatherRisks
               join booking in db.Bookings on risk.BookingId equals booking.Id
               where risk.BookingId == bookingId
                     && risk.Status != WeatherRiskStatus.Cleared
                     && risk.ForStartsAt == booking.StartsAt
                     && booking.StartsAt > now
                     && (booking.Status == BookingStatus.Pending || booking.Status == BookingStatus.Confirmed)
               select risk).FirstOrDefaultAsync(ct);

    private static async Task<WeatherRiskDto> ViewAsync(ServiceProDbContext db, ITenantContext tenant, Guid bookingId, DateTimeOffset now, CancellationToken ct) =>
        (await ViewsAsync(db, tenant, db.WeatherRisks.Where(r => r.BookingId == bookingId), now, ct)).Single();

    private static async Task<List<WeatherRiskDto>> ViewsAsync(
        ServiceProDbContext db, ITenantContext tenant, IQueryable<WeatherRisk> risks, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await (from risk in risks.AsNoTracking()
                          join booking in db.Bookings on risk.BookingId equals booking.Id
                          join customer in db.Customers on booking.CustomerId equals customer.Id
                          join service in db.Services on booking.ServiceId equals service.Id
                          join technician in db.Technicians on booking.TechnicianId equals technician.Id
                          where risk.ForStartsAt == booking.StartsAt
                                && booking.StartsAt > now
                                && (booking.Status == BookingStatus.Pending || booking.Status == BookingStatus.Confirmed)
                          orderby booking.StartsAt
                          select new { risk, booking, CustomerName = customer.Name, ServiceName = service.Name, TechnicianName = technician.Name })
            .ToListAsync(ct);

        var technicianIds = rows.SelectMany(r => r.risk.Alternatives.Select(a => a.TechnicianId)).Distinct().ToList();
        var technicians = await db.Technicians.AsNoTracking().Where(t => technicianIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(tenant.Tenant!.Timezone);
        string Local(DateTimeOffset instant) =>
            TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        return rows.Select(r => new WeatherRiskDto(
            r.booking.Id,
            SnakeCaseEnum.ToName(r.risk.Status),
            r.risk.Reason,
            new WeatherBookingDto(r.booking.StartsAt, r.booking.EndsAt, Local(r.booking.StartsAt), SnakeCaseEnum.ToName(r.booking.Status),
                r.booking.CustomerId, r.CustomerName, r.booking.ServiceId, r.ServiceName, r.booking.TechnicianId, r.TechnicianName, r.booking.Address),
            r.risk.Alternatives.Select(a => new AlternativeSlotDto(a.StartsAt, Local(a.StartsAt), a.TechnicianId,
                technicians.GetValueOrDefault(a.TechnicianId, ""))).ToList(),
            r.risk.CheckedAt,
            r.risk.NotifiedAt)).ToList();
    }
}
