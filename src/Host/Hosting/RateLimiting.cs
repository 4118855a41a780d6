using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ServicePro.Host.Hosting;

/// <summary>
/// Limits for endpoints that answer without sign-in, counted per business and client address: one visitor hammering
/// one business uses up only their own allowance there, never another business's visitors' (nor, behind one shared
/// address, another business's). The client address is the connection's; forwarded headers from a configured proxy
/// set it before this runs.
/// </summary>
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

    private static RateLimitPartition<ClientAtBusiness> PerClient(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            PartitionKey(http),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    /// <summary>The business (null: the platform) and the client address: tenant resolution runs before the limiter.</summary>
    public static ClientAtBusiness PartitionKey(HttpContext http) =>
        new(http.RequestServices.GetRequiredService<Tenancy.ITenantContext>().TenantId, http.Connection.RemoteIpAddress);
}

/// <summary>
/// What a public limit counts per: one client at one business. A value, not a formatted string, because every limited
/// request computes it.
/// </summary>
public readonly record struct ClientAtBusiness(Guid? Business, System.Net.IPAddress? Client);

/// <summary>The section <c>ServicePro:RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "ServicePro:RateLimits";

    public int PublicPerMinute { get; set; } = 300;
    public int SignInPerMinute { get; set; } = 20;
}
