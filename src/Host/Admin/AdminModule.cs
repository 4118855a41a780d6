using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Razor;
using ServicePro.Host.Hosting;

namespace ServicePro.Host.Admin;

/// <summary>
/// The admin shell: Razor Pages reached at <c>/admin/...</c> on a tenant's address (staff) or on the platform's
/// address (operators). Each capability keeps its pages in its own <c>Pages/</c> folder with absolute routes; this
/// module owns only what they share — the layout and navigation (<c>Admin/Pages/Shared</c>), styles, formatting
/// helpers and the home page.
/// </summary>
public sealed class AdminModule : HostModule
{
    /// <summary>Where every capability's pages share their layouts and partials from.</summary>
    public static readonly string SharedViews = "/Admin/Pages/Shared/{0}" + RazorViewEngine.ViewExtension;

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o =>
        {
            // Pages are found in every capability folder (Calendar/Pages, Onboarding/Pages, ...); their @page
            // directives carry absolute routes, so the folder never shows in an address.
            o.RootDirectory = "/";
            // Every page answers a failed authorization the browser's way; see AdminAuthorizationResultHandler.
            o.Conventions.AddFolderApplicationModelConvention("/", page => page.EndpointMetadata.Add(AdminPageMetadata.Instance));
        });
        builder.Services.Configure<RazorViewEngineOptions>(o => o.PageViewLocationFormats.Add(SharedViews));
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AdminAuthorizationResultHandler>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorPages();
        // A late order so that any endpoint another capability maps at "/" (a public site) takes precedence.
        endpoints.MapGet("/", (HttpContext http) => Results.Redirect(http.Request.PathBase + "/admin"))
            .WithOrder(10_000)
            .ExcludeFromDescription();
    }
}
