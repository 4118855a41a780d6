using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using ServicePro.Host.Tenancy;

namespace ServicePro.Host.Hosting;

/// <summary>
/// Browsers get pages, machines get problems. Every failure the host answers goes through the problem details
/// service (the exception handler's 500, status code pages' empty 404s, tenant resolution's refusals); this writer
/// takes the ones a person's browser asked for and answers with a page under the business's brand (the platform's
/// when no business is known) that says what happened and where to go next. API clients — an /api/ path, or a
/// request that does not ask for HTML — keep their RFC 9457 problem, untouched. The status code never changes.
/// </summary>
public sealed class ErrorPageWriter(IRazorViewEngine views, ITempDataProvider tempData, IModelMetadataProvider metadata) : IProblemDetailsWriter
{
    public const string ViewPath = "/Admin/Pages/Shared/ErrorPage.cshtml";

    public bool CanWrite(ProblemDetailsContext context) => IsPerson(context.HttpContext.Request);

    /// <summary>A browser navigating to a page: it names text/html itself (not only through */*), and it is not the API.</summary>
    public static bool IsPerson(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && a.Quality is not <= 0);
    }

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var page = ErrorPage.For(http, context.ProblemDetails.Status ?? http.Response.StatusCode);
        var found = views.GetView(executingFilePath: null, viewPath: ViewPath, isMainPage: true);
        if (!found.Success)
        {
            throw new InvalidOperationException($"The error page view {ViewPath} is missing.");
        }

        await using var html = new StringWriter();
        var viewData = new ViewDataDictionary<ErrorPage>(metadata, new ModelStateDictionary()) { Model = page };
        var viewContext = new ViewContext(
            new ActionContext(http, http.GetRouteData(), new ActionDescriptor()), found.View, viewData,
            new TempDataDictionary(http, tempData), html, new HtmlHelperOptions());
        await found.View.RenderAsync(viewContext);

        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsync(html.ToString(), Encoding.UTF8, http.RequestAborted);
    }
}

/// <summary>
/// Put on the request by tenant resolution when it turns the request away: the address names no business
/// (<see cref="Tenant"/> is null) or a business that may not serve it (suspended), so the page can speak of it.
/// </summary>
public sealed record TurnedAway(TenantInfo? Tenant);

/// <summary>What the error page says: the words for the status, whose brand it carries, and the ways forward.</summary>
public sealed record ErrorPage(int Status, string Title, string Message, TenantInfo? Business, string? HomeUrl, string? RetryUrl)
{
    public static ErrorPage For(HttpContext http, int status)
    {
        var turnedAway = http.Features.Get<TurnedAway>();
        var business = turnedAway?.Tenant ?? http.Features.Get<ITenantContext>()?.Tenant;
        var name = business?.BrandName;
        var home = http.Request.PathBase.Add("/").Value;
        var here = http.Request.PathBase.Add(http.Request.Path).Add(http.Request.QueryString).ToString();
        return (status, turnedAway) switch
        {
            (StatusCodes.Status404NotFound, { Tenant: null }) => new(status, "No business at this address",
                "No business on this platform answers at this address. Check it for typing mistakes; if a business gave you this link, ask them for the right one.",
                null, null, null),
            (StatusCodes.Status403Forbidden, { Tenant: not null }) => new(status, $"{name} isn't available online right now",
                $"{name}'s online services are paused for the moment. To book or ask about an appointment, please contact {name} directly.",
                business, null, null),
            (StatusCodes.Status404NotFound, _) => new(status, "Page not found",
                "There is no page at this address. The link may be mistyped, or the page may have moved.", business, home, null),
            (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden, _) => new(status, "You can't open this page",
                "This page needs a different sign-in, or isn't open to visitors.", business, home, null),
            (StatusCodes.Status429TooManyRequests, _) => new(status, "Too many tries",
                "Please wait a minute, then try again.", business, home, here),
            ( >= 500, _) => new(status, "Something went wrong",
                "Something went wrong on our side and this page couldn't be shown. Nothing you did caused it; please try again in a moment.",
                business, home, here),
            _ => new(status, "This page couldn't be shown",
                "The address or the form sent didn't work out. Go back and try again, or start again from the home page.", business, home, null),
        };
    }
}
