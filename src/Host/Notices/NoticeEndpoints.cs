using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ServicePro.Abstractions;
using ServicePro.Host.Auditing;
using ServicePro.Host.Bookings;
using ServicePro.Host.Hosting;
using ServicePro.Host.Identity;
using ServicePro.Host.Messaging;
using ServicePro.Host.Persistence;
using ServicePro.Host.Tenancy;


namespace ServicePro.Host.Notices;

/// <summary>One notice as staff see it: what was (or would have been) sent, to whom, and how it went.</summary>
public sealed record NoticeDto(
    Guid Id, string Kind, DateTimeOffset ForStartsAt, string Status, string? Channel, string? Recipient, string? Body,
    string? ProviderMessageId, string? Detail, DateTimeOffset CreatedAt, DateTimeOffset? SentAt)
{
    public static NoticeDto From(BookingNotice n) => new(
        n.Id, n.Kind, n.ForStartsAt, SnakeCaseEnum.ToName(n.Status), n.Channel, n.Recipient, n.Body, n.ProviderMessageId, n.Detail,
        n.CreatedAt, n.SentAt);
}

/// <param name="EtaMinutes">The technician's own estimate; without one, the time left until the appointment.</param>
public sealed record OnMyWayRequest(int? EtaMinutes);

public static class NoticeEndpoints
{
    private const int MaxEtaMinutes = 600;

    public static RouteGroupBuilder MapNoticeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bookings").WithTags("Booking notices").RequireAuthorization(Policies.TenantMember);
        group.MapPost("/{id:guid}/on-my-way", OnMyWay).WithName("sendOnMyWay")
            .WithSummary("Texts the customer that the technician is on the way; once per booking start unless it failed or was skipped.");
        group.MapGet("/{id:guid}/notices", List).WithName("listBookingNotices").WithSummary("The reminders and on-my-way texts of a booking, newest first.");
        return group;
    }

    private static async Task<Results<Ok<NoticeDto>, NotFoundProblem, ConflictProblem, ValidationProblem>> OnMyWay(
        Guid id, OnMyWayRequest? request, BookingNotices notices, NoticeRetries retries, ServiceProDbContext db, ITenantContext tenant,
        HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (request?.EtaMinutes is < 1 or > MaxEtaMinutes)
        {
            return Problems.Invalid("etaMinutes", $"Give the minutes until arrival, 1 to {MaxEtaMinutes}, or leave it out.");
        }

        var outcome = await notices.SendAsync(
            new NoticeRequest(id, MessageMoments.OnMyWay) { EtaMinutes = request?.EtaMinutes, AskedByStaff = true }, ct);
        switch (outcome.Result)
        {
            case NoticeResult.BookingNotFound:
                return Problems.NotFound("There is no such booking.");
            case NoticeResult.BookingClosed or NoticeResult.BookingMoved:
                return Problems.Conflict("Only a pending or confirmed booking gets an on-my-way text.");
            case NoticeResult.AlreadyHandled when outcome.Notice is { Status: NoticeStatus.Sent, SentAt: { } sentAt }:
                return Problems.Conflict($"The on-my-way text was already sent at {LocalTime(sentAt, tenant.Tenant!)}.");
            case NoticeResult.AlreadyHandled:
                return Problems.Conflict("The on-my-way text is being sent right now.");
        }

        var notice = outcome.Notice!;
        if (outcome is { Result: NoticeResult.Failed, Retriable: true })
        {
            retries.Schedule(db.CurrentTenantId, id, MessageMoments.OnMyWay, notice.ForStartsAt);
        }

        db.AuditLog.Add(AuditEntry.Create(clock, ServiceProClaims.ActorOf(http.User), "booking.on_my_way", "booking", id.ToString(),
            new() { ["status"] = SnakeCaseEnum.ToName(notice.Status) }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(NoticeDto.From(notice));
    }

    private static async Task<Results<Ok<List<NoticeDto>>, NotFoundProblem>> List(
        Guid id, BookingNotices notices, ServiceProDbContext db, CancellationToken ct)
    {
        if (!await db.Bookings.AnyAsync(b => b.Id == id, ct))
        {
            return Problems.NotFound("There is no such booking.");
        }

        return TypedResults.Ok((await notices.ListAsync(id, ct)).Select(NoticeDto.From).ToList());
    }

    private static string LocalTime(DateTimeOffset at, TenantInfo tenant) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(tenant.Timezone)).ToString("ddd, MMM d 'at' h:mm tt", MessageFacts.Culture);
}
