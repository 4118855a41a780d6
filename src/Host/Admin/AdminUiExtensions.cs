using Microsoft.AspNetCore.Authorization;

namespace ServicePro.Host.Admin;

/// <summary>
/// The server-rendered admin: Razor Pages under <c>Admin/Pages</c>, reached at <c>/admin/...</c> on a tenant's
/// address (staff) or on the platform's address (operators).
/// </summary>
public static class AdminUiExtensions
{
    public const string RootDirectory = "/Admin/Pages";

    public static WebApplicationBuilder AddAdminUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = RootDirectory;
            // Every admin page answers a failed authorization the browser's way; see AdminAuthorizationResultHandler.
            o.Conventions.AddFolderApplicationModelConvention("/", page => page.EndpointMetadata.Add(AdminPageMetadata.Instance));
        });
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AdminAuthorizationResultHandler>();
        return builder;
    }

    public static WebApplication MapAdminUi(this WebApplication app)
    {
        app.MapRazorPages();
        // A late order so that any endpoint another capability maps at "/" (a public site) takes precedence.
        app.MapGet("/", (HttpContext http) => Results.Redirect(http.Request.PathBase + "/admin"))
            .WithOrder(10_000)
            .ExcludeFromDescription();
        return app;
    }
}
