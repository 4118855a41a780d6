using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace ServicePro.Host.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide. When several hosts share a process (the tests run dozens) it may
/// belong to a host that has already stopped; Hangfire then fails to create a logger while it holds a fetched
/// job, and the job waits out the invisibility timeout. This provider answers with a silent logger instead.
/// </summary>
public sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
