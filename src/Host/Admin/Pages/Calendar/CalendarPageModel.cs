using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServicePro.Host.Identity;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Admin.Pages.Calendar;

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
    protected DateOnly TodayAt(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    /// <summary>A moment on the business's wall clock.</summary>
    public DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The calendar's address for a view, date and technician ("all" or an id), under the tenant's path base.</summary>
    public string CalendarUrl(CalendarView view, DateOnly date, string technician) =>
        Url.Page("/Calendar/Index", new { view = CalendarFormat.ViewName(view), date = CalendarFormat.IsoDate(date), technician })!;

    public string BookingUrl(Guid id) => Url.Page("/Calendar/Booking", new { id })!;
}
