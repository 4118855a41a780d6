using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;
using ServicePro.Host.Customers;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Persistence;
using ServicePro.Host.Technicians;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Calendar;

/// <summary>The feed's address, shown once when it is created: the token in it is not stored anywhere.</summary>
public sealed record CalendarFeedLink(string Url);

/// <summary>
/// Technicians' iCalendar feeds: staff create (or rotate) and revoke a secret address per technician; calendar apps
/// read it without signing in. The feed is found by the token's hash within the tenant that the request's host
/// names, so a token only ever works at its own business's address.
/// </summary>
public static class CalendarFeedEndpoints
{
    public static IEndpointRouteBuilder MapCalendarFeedEndpoints(this IEndpointRouteBuilder app)
    {
        var manage = app.MapGroup("/api/technicians/{id:guid}/calendar-feed")
            .WithTags("Calendar")
            .RequireAuthorization(Policies.TenantMember);
        manage.MapPost("/", Rotate).WithName("rotateCalendarFeed")
            .WithSummary("Creates the technician's calendar feed address, or replaces it (the old address stops working). " +
                         "The address is in this answer only. Owners and admins, or the technician themselves.");
        manage.MapDelete("/", Revoke).WithName("revokeCalendarFeed")
            .WithSummary("Turns the technician's calendar feed off; its address answers 404 from now on.");

        app.MapGet("/calendar/{token}.ics", Feed)
            .WithName("getCalendarFeed")
            .OnTenantAddress()
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimiting.Public)
            .WithTags("Calendar")
            .WithSummary("A technician's jobs from 30 days back to 180 days ahead, as iCalendar for calendar apps.");
        return app;
    }

    private static async Task<Results<Ok<CalendarFeedLink>, NotFoundProblem, ForbiddenProblem>> Rotate(
        Guid id, ServiceProDbContext db, HttpContext http, CalendarFeedLinks links, CancellationToken ct)
    {
        var technician = await db.Technicians.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (technician is null)
        {
            return Problems.NotFound("There is no such technician.");
        }

        if (!await links.MayManageAsync(http.User, technician, ct))
        {
            return Forbidden();
        }

        return TypedResults.Ok(await links.IssueAsync(technician, ServiceProClaims.ActorOf(http.User), ct));
    }

    private static async Task<Results<NoContent, NotFoundProblem, ForbiddenProblem>> Revoke(
        Guid id, ServiceProDbContext db, HttpContext http, CalendarFeedLinks links, CancellationToken ct)
    {
        var technician = await db.Technicians.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (technician is null)
        {
            return Problems.NotFound("There is no such technician.");
        }

        if (!await links.MayManageAsync(http.User, technician, ct))
        {
            return Forbidden();
        }

        await links.RevokeAsync(technician, ServiceProClaims.ActorOf(http.User), ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Feed(
        string token, ServiceProDbContext db, HttpContext http, ITenantContext tenantContext, CalendarFeedLinks links,
        TimeProvider clock, CancellationToken ct)
    {
        // One answer for every kind of miss (no business here, malformed, unknown or revoked token), so the
        // address gives nothing away about which tokens ever existed.
        var notFound = TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no calendar at this address.");
        if (tenantContext.Tenant is not { } tenant || CalendarFeedTokens.HashOf(token) is not { } hash)
        {
            return notFound;
        }

        var technician = await db.Technicians.AsNoTracking().FirstOrDefaultAsync(t => t.CalendarFeedTokenHash == hash, ct);
        if (technician is null)
        {
            return notFound;
        }

        var now = clock.GetUtcNow();
        var windowStart = now - CalendarFeed.Past;
        var windowEnd = now + CalendarFeed.Ahead;
        var bookings = await (
                from b in db.Bookings.AsNoTracking()
                join s in db.Services on b.ServiceId equals s.Id
                join c in db.Customers on b.CustomerId equals c.Id
                where b.TechnicianId == technician.Id && Booking.HoldingTime.Contains(b.Status) && b.EndsAt > windowStart && b.StartsAt < windowEnd
                select new FeedBooking(b.Id, b.StartsAt, b.EndsAt, b.Status, b.Version, b.UpdatedAt, s.Name, c.Name, b.Address ?? c.Address, b.Notes))
            .ToListAsync(ct);

        var body = CalendarFeed.Render($"{technician.Name} · {tenant.BrandName}", links.HostName, bookings);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..32] + "\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        // Private: the address is a secret, so no shared cache should keep a copy under it.
        headers.CacheControl = new CacheControlHeaderValue { Private = true, MaxAge = CalendarFeed.RefreshInterval };
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Text(body, CalendarFeed.ContentType);
    }

    private static ForbiddenProblem Forbidden() =>
        TechnicianAccess.Forbidden("Only owners, admins and the technician themselves can manage this calendar feed.");
}
