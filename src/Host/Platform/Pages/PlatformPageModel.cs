using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServicePro.Host.Admin;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Platform.Pages;

/// <summary>An operators' page: it exists only on the platform's address, never under a tenant's.</summary>
public abstract class PlatformPageModel : PageModel
{
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (HttpContext.RequestServices.GetRequiredService<ITenantContext>().Tenant is not null)
        {
            context.Result = NotFound();
        }
    }
}
