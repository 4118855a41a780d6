using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServicePro.Tests.Fakes;

/// <summary>One request a fake received, kept for assertions.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization, string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A local stand-in for an outside service, on a real loopback port, speaking that service's wire format,
/// so the host's real client code runs against it. Faults can be scripted ahead of requests: an HTTP
/// status (401, 429, 500 ...) or a hang longer than the host's timeout.
/// </summary>
public abstract class FakeService : IAsyncDisposable
{
    private readonly ConcurrentQueue<Fault> _faults = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<T> StartAsync<T>() where T : FakeService, new()
    {
        var fake = new T();
        await fake.StartAsync();
        return fake;
    }

    /// <summary>The next <paramref name="times"/> requests get <paramref name="status"/> with the service's error body.</summary>
    public void FailNext(int status, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(new Fault(status, Hang: false));
        }
    }

    /// <summary>The next <paramref name="times"/> requests never answer (until the caller gives up).</summary>
    public void HangNext(int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(new Fault(0, Hang: true));
        }
    }

    /// <summary>Forgets faults scripted but not yet served.</summary>
    public void ClearFaults() => _faults.Clear();

    public IReadOnlyList<RecordedRequest> RequestsTo(string pathContains) =>
        Requests.Where(r => r.Path.Contains(pathContains, StringComparison.Ordinal)).ToList();

    /// <summary>The service's routes.</summary>
    protected abstract void Map(WebApplication app);

    /// <summary>The body the real service sends with an error status.</summary>
    protected virtual IResult ErrorResult(int status) =>
        Results.Json(new { error = new { message = $"fake error {status}" } }, statusCode: status);

    private async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddRouting();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Request.Body.Position = 0;
            Requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
                body,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));

            if (_faults.TryDequeue(out var fault))
            {
                if (fault.Hang)
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    return;
                }

                if (fault.Status == 429)
                {
                    context.Response.Headers.RetryAfter = "0";
                }

                await ErrorResult(fault.Status).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        Map(_app);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First().TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private sealed record Fault(int Status, bool Hang);
}
