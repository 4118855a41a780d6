using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ServicePro.Host.Hosting;

/// <summary>Per-client-address limits for endpoints that answer without sign-in.</summary>
public static class RateLimiting
{
    public const string Public = "public";
    public const string SignIn = "sign-in";

    public static WebApplicationBuilder AddServiceProRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Public, http => PerClient(http, Limits(http).PublicPerMinute));
            o.AddPolicy(SignIn, http => PerClient(http, Limits(http).SignInPerMinute));
            o.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: "Please slow down and try again in a minute.").ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    private static RateLimitOptions Limits(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static RateLimitPartition<string> PerClient(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}

/// <summary>The section <c>ServicePro:RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "ServicePro:RateLimits";

    public int PublicPerMinute { get; set; } = 300;
    public int SignInPerMinute { get; set; } = 20;
}
