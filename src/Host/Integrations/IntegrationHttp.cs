using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ServicePro.Host.Integrations;

/// <summary>
/// The one HTTP client every provider call goes through: a total timeout, a per-attempt timeout, and
/// retries with backoff for answers that say "later" — 429 always, 5xx only when repeating the request
/// cannot do something twice (safe methods, or a request carrying an Idempotency-Key). Anything else,
/// a 4xx or a timeout, comes straight back: retrying a rejected credential only gets an account locked.
/// </summary>
public static class IntegrationHttp
{
    public const string ClientName = "integrations";

    public static IServiceCollection AddIntegrationHttp(this IServiceCollection services)
    {
        services.AddHttpClient(ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("integrations", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<IntegrationsOptions>>().Value;
                pipeline.AddTimeout(TimeSpan.FromSeconds(options.TotalTimeoutSeconds));
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(options.MaxRetries, 0),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromSeconds(options.RetryDelaySeconds),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } response && ShouldRetry(response)),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds));
            });
        return services;
    }

    internal static bool ShouldRetry(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        if ((int)response.StatusCode < 500 || response.RequestMessage is not { } request)
        {
            return false;
        }

        return request.Method == HttpMethod.Get || request.Method == HttpMethod.Head
            || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete
            || request.Headers.Contains("Idempotency-Key");
    }
}
