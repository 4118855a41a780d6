using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using ServicePro.Abstractions;
using ServicePro.Abstractions.Integrations;
using ServicePro.Host.Bookings;
using ServicePro.Host.Catalog;
using ServicePro.Host.Customers;
using ServicePro.Host.Features;
using ServicePro.Host.Hosting;
using ServicePro.Host.Integrations;
using ServicePro.Host.Messaging;
using ServicePro.Host.Persistence;
using ServicePro.Host.Plugins;
using ServicePro.Host.Secrets;
using ServicePro.Host.Technicians;
using ServicePro.Host.Tenancy;


namespace ServicePro.Host.Notices;

/// <summary>What asking for one notice came to.</summary>
public enum NoticeResult
{
    Sent,

    /// <summary>Not sent on purpose; the notice's Detail says why (no consent, no channel, too late).</summary>
    Skipped,

    /// <summary>The provider refused or didn't answer; the notice's Detail says why in the owner's words.</summary>
    Failed,

    /// <summary>Someone else has sent it, is sending it, or decided to skip it: nothing was done.</summary>
    AlreadyHandled,

    BookingNotFound,

    /// <summary>The booking no longer starts when this notice was meant for (it was rescheduled): nothing was done.</summary>
    BookingMoved,

    /// <summary>The booking is cancelled, completed or a no-show: there's nothing to tell the customer.</summary>
    BookingClosed,
}

/// <param name="Notice">The notice row as it now stands (for <see cref="NoticeResult.AlreadyHandled"/>, the other one).</param>
/// <param name="Retriable">A failure that trying again later may cure (provider busy or unreachable).</param>
public sealed record NoticeOutcome(NoticeResult Result, BookingNotice? Notice, bool Retriable = false);

/// <summary>One notice about one booking.</summary>
/// <param name="Kind">A <see cref="MessageMoments"/> value.</param>
public sealed record NoticeRequest(Guid BookingId, string Kind)
{
    /// <summary>
    /// The start the notice was meant for; null means the booking's current one. Retries name it, so a booking
    /// moved since the first attempt isn't texted about its old time (the new time gets its own notice).
    /// </summary>
    public DateTimeOffset? ForStartsAt { get; init; }

    /// <summary>On-my-way: the technician's own estimate in minutes (the tenant's ETA padding is added).</summary>
    public int? EtaMinutes { get; init; }

    /// <summary>Weather reschedule: why the day looks bad, in words the customer reads.</summary>
    public string? WeatherReason { get; init; }

    /// <summary>
    /// Staff are asking (the on-my-way button): a notice that was skipped earlier, say before the customer agreed
    /// to texts, or that failed is tried again, written afresh. Jobs leave a skip alone, or the sweep would try it
    /// every minute, and resend a failed notice as first written.
    /// </summary>
    public bool AskedByStaff { get; init; }
}

/// <summary>
/// Sends one customer notice about one booking (a reminder, an on-my-way) at most once per booking start. The
/// notice row is the lock: it is inserted before anything is sent, under a unique index on (booking, kind, start),
/// so of two jobs racing for the same notice one inserts and the other finds the row and stops. A failed notice
/// is taken back with a conditional update (failed → sending) so two retries can't both send.
/// </summary>
/// <remarks>
/// A notice left "sending" (the process stopped mid-send) is never sent again automatically: nobody can know
/// whether the text went out, and a missing reminder is better than two. The reminder sweep marks it
/// <see cref="NoticeStatus.Unknown"/> (<see cref="MarkAbandonedAsync"/>), where the business sees it and can send it again.
/// </remarks>
public sealed class BookingNotices(
    ServiceProDbContext db,
    MessageRenderer renderer,
    TenantIntegrations integrations,
    PluginCatalog plugins,
    TenantFlagStore flags,
    ITenantContext tenantContext,
    TenantAddresses addresses,
    IOptions<NoticeOptions> options,
    TimeProvider clock,
    ILogger<BookingNotices> logger)
{
    public const string SmsChannel = "sms";

    // Columns' lengths (BookingNoticeConfiguration).
    private const int MaxBody = 2000;
    private const int MaxDetail = 500;

    private static readonly NoticeStatus[] RetriableAfterFailure = [NoticeStatus.Failed];
    private static readonly NoticeStatus[] RetriableOnRequest = [NoticeStatus.Failed, NoticeStatus.Skipped, NoticeStatus.Unknown];

    /// <summary>Far longer than any send takes (the provider clients give up within a minute or two).</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(15);

    private const string AbandonedDetail =
        "The server stopped while sending this, so it may or may not have reached the customer. It was not sent again on its own.";

    public async Task<NoticeOutcome> SendAsync(NoticeRequest request, CancellationToken ct)
    {
        var subject = await LoadAsync(request.BookingId, ct);
        if (subject is null)
        {
            return new NoticeOutcome(NoticeResult.BookingNotFound, null);
        }

        var booking = subject.Booking;
        if (request.ForStartsAt is { } meantFor && meantFor != booking.StartsAt)
        {
            return new NoticeOutcome(NoticeResult.BookingMoved, null);
        }

        if (booking.Status is not (BookingStatus.Pending or BookingStatus.Confirmed))
        {
            return new NoticeOutcome(NoticeResult.BookingClosed, null);
        }

        var (notice, other) = await ClaimAsync(booking, request, subject.Customer.Phone, ct);
        if (notice is null)
        {
            return new NoticeOutcome(NoticeResult.AlreadyHandled, other);
        }

        var provider = await SmsProviderAsync(ct);
        if (await ReasonNotToSendAsync(request.Kind, subject, provider, ct) is { } reason)
        {
            return await FinishAsync(notice, NoticeStatus.Skipped, reason, ct);
        }

        if (notice.Body is null)
        {
            var rendered = await RenderAsync(request, subject, ct);
            if (!rendered.Succeeded)
            {
                return await FinishAsync(notice, NoticeStatus.Failed, $"The {Describe(request.Kind)} template needs fixing. {rendered.Problem}", ct);
            }

            notice.Body = Truncate(rendered.Text!, MaxBody);
        }

        return await DeliverAsync(notice, provider!, request.Kind, ct);
    }

    /// <summary>Marks the current tenant's notices still sending <see cref="AbandonedAfter"/> after they were taken as
    /// <see cref="NoticeStatus.Unknown"/>; returns how many.</summary>
    public async Task<int> MarkAbandonedAsync(CancellationToken ct)
    {
        var takenBefore = clock.GetUtcNow() - AbandonedAfter;
        var abandoned = await db.BookingNotices
            .Where(n => n.Status == NoticeStatus.Sending && (n.ClaimedAt ?? n.CreatedAt) < takenBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NoticeStatus.Unknown).SetProperty(n => n.Detail, AbandonedDetail), ct);
        if (abandoned > 0)
        {
            logger.LogWarning("{Count} notice(s) of tenant {TenantId} were left sending by a stopped process and are now marked unknown",
                abandoned, db.CurrentTenantId);
        }

        return abandoned;
    }

    /// <summary>Notices about one booking, newest first.</summary>
    public async Task<List<BookingNotice>> ListAsync(Guid bookingId, CancellationToken ct) =>
        await db.BookingNotices.AsNoTracking().Where(n => n.BookingId == bookingId).OrderByDescending(n => n.CreatedAt).ToListAsync(ct);

    /// <summary>The business's wording for a notice kind, as in "the reminder template".</summary>
    public static string Describe(string kind) => kind switch
    {
        MessageMoments.Reminder => "reminder",
        MessageMoments.OnMyWay => "on-my-way text",
        MessageMoments.WeatherReschedule => "weather reschedule text",
        MessageMoments.BookingConfirmation => "booking confirmation",
        MessageMoments.ReviewRequest => "review request",
        _ => kind.Replace('_', ' '),
    };

    /// <summary>
    /// Makes this caller the one that sends the notice: a new row, or a failed (or, when a person asks, skipped)
    /// one taken back. Returns the row to fill in, or null and the row someone else holds.
    /// </summary>
    private async Task<(BookingNotice? Claimed, BookingNotice? Other)> ClaimAsync(Booking booking, NoticeRequest request, string recipient, CancellationToken ct)
    {
        // Usually there is no row yet (the sweep only picks bookings without one); looking first keeps a second
        // press of a button from ending in a failed insert.
        var existing = await ExistingAsync(booking, request.Kind, ct);
        if (existing is null)
        {
            var notice = new BookingNotice
            {
                Id = Guid.CreateVersion7(),
                BookingId = booking.Id,
                Kind = request.Kind,
                ForStartsAt = booking.StartsAt,
                Status = NoticeStatus.Sending,
                Channel = SmsChannel,
                Recipient = recipient,
                CreatedAt = clock.GetUtcNow(),
                ClaimedAt = clock.GetUtcNow(),
            };
            db.BookingNotices.Add(notice);
            try
            {
                await db.SaveChangesAsync(ct);
                return (notice, null);
            }
            catch (DbUpdateException ex) when (ex.InnerException is { } inner && UniqueViolationHandler.IsUniqueViolation(inner))
            {
                // Someone inserted it between our look and our insert: theirs it is, unless it may be taken back.
                db.Entry(notice).State = EntityState.Detached;
                existing = (await ExistingAsync(booking, request.Kind, ct))!;
            }
        }

        var takeBack = request.AskedByStaff ? RetriableOnRequest : RetriableAfterFailure;
        if (!takeBack.Contains(existing.Status))
        {
            return (null, existing);
        }

        // Only one of several retries racing here sees the row still failed (or skipped) and flips it.
        var taken = await db.BookingNotices
            .Where(n => n.Id == existing.Id && takeBack.Contains(n.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NoticeStatus.Sending).SetProperty(n => n.Recipient, recipient)
                .SetProperty(n => n.ClaimedAt, clock.GetUtcNow()), ct);
        var current = await db.BookingNotices.FirstAsync(n => n.Id == existing.Id, ct);
        if (taken == 0)
        {
            return (null, current);
        }

        // A job resends a failed notice word for word; staff asking again get it written with what they say now.
        if (request.AskedByStaff)
        {
            current.Body = null;
        }

        return (current, null);
    }

    private Task<BookingNotice?> ExistingAsync(Booking booking, string kind, CancellationToken ct) =>
        db.BookingNotices.AsNoTracking().FirstOrDefaultAsync(n => n.BookingId == booking.Id && n.Kind == kind && n.ForStartsAt == booking.StartsAt, ct);

    /// <summary>Why this notice must not go out now, in words for the business owner; null when it may.</summary>
    private async Task<string?> ReasonNotToSendAsync(string kind, NoticeSubject subject, IIntegrationProvider? provider, CancellationToken ct)
    {
        var booking = subject.Booking;
        var now = clock.GetUtcNow();
        if (kind == MessageMoments.Reminder)
        {
            if (now >= booking.StartsAt)
            {
                return "Too late: the appointment had already started when the reminder was due.";
            }

            if (booking.StartsAt - booking.CreatedAt < options.Value.ReminderMinimumBookedAhead)
            {
                return $"Booked less than {options.Value.ReminderMinimumBookedAheadHours:0.#} hours ahead: the booking confirmation is reminder enough.";
            }
        }

        if (!await flags.IsEnabledAsync(tenantContext.Tenant!, FeatureFlags.Sms, ct))
        {
            return "Texting is turned off for this business.";
        }

        if (provider is null)
        {
            return "Texting isn't connected: connect Twilio under Integrations to text customers.";
        }

        if (!subject.Customer.SmsConsent)
        {
            return "Customer has not agreed to texts.";
        }

        if (!await db.MessageTemplates.AnyAsync(t => t.Channel == MessageChannel.Sms && t.Moment == kind, ct))
        {
            return $"There is no {Describe(kind)} text template.";
        }

        return null;
    }

    /// <summary>The tenant's connected texting service: an active integration whose provider can send SMS.</summary>
    private async Task<IIntegrationProvider?> SmsProviderAsync(CancellationToken ct)
    {
        var active = await db.TenantIntegrations.AsNoTracking()
            .Where(i => i.Status == IntegrationStatus.Active).Select(i => i.Provider).OrderBy(p => p).ToListAsync(ct);
        return active.Select(plugins.FindProvider).FirstOrDefault(p => p is ISmsProvider);
    }

    private async Task<RenderedMessage> RenderAsync(NoticeRequest request, NoticeSubject subject, CancellationToken ct)
    {
        var template = await db.MessageTemplates.AsNoTracking()
            .Where(t => t.Channel == MessageChannel.Sms && t.Moment == request.Kind).Select(t => t.Body).FirstAsync(ct);
        var tenant = await db.Tenants.AsNoTracking().FirstAsync(t => t.Id == db.CurrentTenantId, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(tenant.Timezone);
        var now = clock.GetUtcNow();
        var site = addresses.SiteUrl(tenant);
        var booking = subject.Booking;
        var facts = new MessageFacts
        {
            Business = new BusinessFacts(tenant.BrandName, tenant.Phone, site),
            Customer = new CustomerFacts(subject.Customer.Name, subject.Customer.Phone),
            Booking = new BookingFacts(
                subject.ServiceName,
                TimeZoneInfo.ConvertTime(booking.StartsAt, zone),
                TimeZoneInfo.ConvertTime(now, zone),
                booking.Address ?? subject.Customer.Address,
                subject.TechnicianName,
                BookingLinks.Reschedule(site, await CustomerCodeAsync(booking, ct)),
                BookingLinks.Review(site, booking.Id)),
            EtaMinutes = request.Kind == MessageMoments.OnMyWay ? await PromisedEtaAsync(request.EtaMinutes, booking, now, ct) : null,
            WeatherReason = request.WeatherReason,
        };
        return await renderer.RenderAsync(template, facts, zone, now);
    }

    /// <summary>
    /// The arrival time promised to the customer: the technician's estimate (without one, the time left until the
    /// appointment) plus the tenant's ETA padding, so traffic makes the technician early rather than late.
    /// </summary>
    private async Task<int> PromisedEtaAsync(int? estimate, Booking booking, DateTimeOffset now, CancellationToken ct)
    {
        var padding = (await db.TenantSettings.AsNoTracking().FirstAsync(ct)).SchedulerConfig.EtaPaddingMinutes;
        var minutes = estimate ?? (int)Math.Max(0, Math.Ceiling((booking.StartsAt - now).TotalMinutes));
        return minutes + padding;
    }

    private async Task<NoticeOutcome> DeliverAsync(BookingNotice notice, IIntegrationProvider provider, string kind, CancellationToken ct)
    {
        SmsSendResult result;
        try
        {
            var context = await integrations.ContextAsync(provider, ct);
            result = await ((ISmsProvider)provider).SendSmsAsync(context, new SmsMessage(notice.Recipient!, notice.Body!), ct);
        }
        catch (SecretUnreadableException)
        {
            return await FinishAsync(notice, NoticeStatus.Failed,
                $"Your saved {provider.Name} credentials can't be read any more: enter them again under Integrations.", ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogWarning("Sending a {Kind} notice through {Provider} failed to reach it ({ExceptionType})", kind, provider.Key, ex.GetType().Name);
            return await FinishAsync(notice, NoticeStatus.Failed, $"{provider.Name} didn't answer; we'll try again shortly.", ct, retriable: true);
        }

        if (result.Accepted)
        {
            notice.ProviderMessageId = result.ProviderMessageId;
            notice.SentAt = clock.GetUtcNow();
            return await FinishAsync(notice, NoticeStatus.Sent, null, ct);
        }

        logger.LogWarning("{Provider} refused a {Kind} notice: error {ErrorCode}", provider.Key, kind, result.ErrorCode);
        return await FinishAsync(notice, NoticeStatus.Failed, RefusalDetail(provider.Name, result), ct, retriable: result.Retriable && !result.RecipientOptedOut);
    }

    private static string RefusalDetail(string provider, SmsSendResult result) => result switch
    {
        { RecipientOptedOut: true } => "The customer has opted out by replying STOP; they can reply START to get texts again.",
        { Retriable: true } => $"{provider} is busy or having trouble (error {result.ErrorCode}); we'll try again shortly.",
        { ErrorCode: "21211" or "21614" } => $"The customer's number can't receive texts (error {result.ErrorCode}); check it on their profile.",
        _ => $"{provider} refused the text: {result.ErrorMessage ?? result.Status} (error {result.ErrorCode}).",
    };

    private async Task<NoticeOutcome> FinishAsync(BookingNotice notice, NoticeStatus status, string? detail, CancellationToken ct, bool retriable = false)
    {
        notice.Status = status;
        notice.Detail = detail is null ? null : Truncate(detail, MaxDetail);
        // The outcome is recorded even if the caller gave up meanwhile: the text may already be out.
        await db.SaveChangesAsync(CancellationToken.None);
        var result = status switch
        {
            NoticeStatus.Sent => NoticeResult.Sent,
            NoticeStatus.Skipped => NoticeResult.Skipped,
            _ => NoticeResult.Failed,
        };
        return new NoticeOutcome(result, notice, retriable);
    }

    private async Task<NoticeSubject?> LoadAsync(Guid bookingId, CancellationToken ct) =>
        await (from b in db.Bookings.AsNoTracking()
               join c in db.Customers.AsNoTracking() on b.CustomerId equals c.Id
               join s in db.Services.AsNoTracking() on b.ServiceId equals s.Id
               join t in db.Technicians.AsNoTracking() on b.TechnicianId equals t.Id
               where b.Id == bookingId
               select new NoticeSubject(b, c, s.Name, t.Name)).FirstOrDefaultAsync(ct);

    /// <summary>The booking's customer code; a booking written without one (an import, a raw insert) gets one now.</summary>
    private async Task<string> CustomerCodeAsync(Booking booking, CancellationToken ct)
    {
        if (booking.CustomerCode is { } code)
        {
            return code;
        }

        var fresh = BookingLinks.NewCode();
        var given = await db.Bookings.Where(b => b.Id == booking.Id && b.CustomerCode == null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.CustomerCode, fresh), ct);
        // None given: another sender gave it one a moment ago.
        return given == 1 ? fresh : await db.Bookings.Where(b => b.Id == booking.Id).Select(b => b.CustomerCode!).FirstAsync(ct);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private sealed record NoticeSubject(Booking Booking, Customer Customer, string ServiceName, string TechnicianName);
}

/// <summary>
/// The customer's links for one booking, on the business's own site. The A2P campaign samples promise these
/// shapes (see Onboarding/A2pDrafter), so they are made in one place.
/// </summary>
public static class BookingLinks
{
    /// <summary>The customer's page for the booking: anyone with the link sees it, so the code is 128 random bits.</summary>
    public static string Reschedule(string site, string customerCode) => $"{site}/b/{customerCode}";

    public static string NewCode() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public static string Review(string site, Guid bookingId) => $"{site}/review/{bookingId:N}";
}
