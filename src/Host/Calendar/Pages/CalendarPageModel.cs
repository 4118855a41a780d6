using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServicePro.Host.Admin;
using ServicePro.Host.Bookings;
using ServicePro.Host.Identity;
using ServicePro.Host.Scheduling;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Calendar.Pages;

/// <summary>
/// A page of the staff calendar. Every member of the business sees it (technicians included); the pages call the
/// same services as the /api/bookings and /api/availability endpoints, never HTTP.
/// </summary>
[Authorize(Policy = Policies.TenantMember)]
[RedirectOnPlatform("/admin/platform/tenants")]
public abstract class CalendarPageModel : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    public TenantInfo Tenant { get; private set; } = null!;

    /// <summary>The business's zone: every time on these pages is read on its wall clock.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    protected string Actor => ServiceProClaims.ActorOf(User);

    /// <summary>What went wrong with the last action, in a sentence (shown in an alert).</summary>
    public string? Problem { get; protected set; }

    /// <summary>Field errors by form field id; shown next to the fields.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? ErrorFor(string fieldId) => Errors.GetValueOrDefault(fieldId);

    public string? Invalid(string fieldId) => Errors.ContainsKey(fieldId) ? "true" : null;

    /// <summary>aria-describedby for a field: its hint (when given), then its error (if any).</summary>
    public string? DescribedBy(string fieldId, string? hint = null)
    {
        var ids = new List<string>();
        if (hint is not null)
        {
            ids.Add(hint);
        }

        if (Errors.ContainsKey(fieldId))
        {
            ids.Add(fieldId + "-error");
        }

        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (HttpContext.RequestServices.GetRequiredService<ITenantContext>().Tenant is not { } tenant)
        {
            context.Result = NotFound();
            return;
        }

        Tenant = tenant;
        // The zone is validated when it is saved; an unknown one (a database moved between machines) still shows, in UTC.
        Zone = TimeZoneInfo.TryFindSystemTimeZoneById(tenant.Timezone, out var zone) ? zone : TimeZoneInfo.Utc;
        await next();
    }

    /// <summary>Today on the business's wall clock.</summary>
    protected DateOnly TodayAt(DateTimeOffset now) => LocalDates.Of(now, Zone);

    /// <summary>A moment on the business's wall clock.</summary>
    public DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The calendar's address for a view, date and technician ("all" or an id), under the tenant's path base.</summary>
    public string CalendarUrl(CalendarView view, DateOnly date, string technician) =>
        Url.Page("/Calendar/Pages/Index", new { view = CalendarFormat.ViewName(view), date = CalendarFormat.IsoDate(date), technician })!;

    public string BookingUrl(Guid id) => Url.Page("/Calendar/Pages/Booking", new { id })!;

    /// <summary>Open start times as radio choices: the time on the business's clock, the day when they span several,
    /// and who is free when the technician was left open.</summary>
    protected SlotChoices Choices(
        string id, string legend, IEnumerable<AvailableSlot> slots, IReadOnlyDictionary<Guid, string> technicianNames, bool showDate, bool showWho)
    {
        var options = slots.Select(slot =>
        {
            var time = CalendarPicture.Clock(slot.LocalStart);
            var who = showWho
                ? slot.Technicians.Count == 1 ? technicianNames.GetValueOrDefault(slot.Technicians[0]) : $"{slot.Technicians.Count} free"
                : null;
            return new SlotOption(
                slot.StartUtc.ToString("O", CultureInfo.InvariantCulture),
                showDate ? $"{CalendarFormat.ShortDate(DateOnly.FromDateTime(slot.LocalStart))}, {time}" : time,
                who);
        }).ToList();
        return new SlotChoices(id, legend, options);
    }

    /// <summary>A chosen slot back into its instant; null when the form was tampered with or nothing was chosen.</summary>
    protected static DateTimeOffset? ParseSlot(string? value) =>
        DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : null;

    /// <summary>The page's words for a refused booking action; field errors go next to their fields.</summary>
    protected void Refused(BookingRefused refused, Func<string, string>? fieldId = null)
    {
        if (refused.Errors is { Count: > 0 } errors && fieldId is not null)
        {
            foreach (var (field, messages) in errors)
            {
                Errors[fieldId(field)] = string.Join(" ", messages);
            }
        }

        Problem = refused.Detail;
    }
}

/// <summary>A radio list of open start times.</summary>
/// <param name="Id">Prefix of the inputs' ids, and the fieldset's id.</param>
public sealed record SlotChoices(string Id, string Legend, IReadOnlyList<SlotOption> Options);

/// <param name="Value">The start instant, round-trip ("O") format.</param>
/// <param name="Time">"9:00 AM", or "Thu, Nov 26, 9:00 AM".</param>
/// <param name="Detail">Who is free then, when that is open.</param>
public sealed record SlotOption(string Value, string Time, string? Detail);
