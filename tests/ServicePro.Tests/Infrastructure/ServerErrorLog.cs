using Microsoft.Extensions.Logging;

namespace ServicePro.Tests.Infrastructure;

/// <summary>
/// Every error a test host logs (and warnings from our code and the job server), appended to artifacts/test-results/server-errors.log with the test database's
/// name: a failing API call in a test reads "500", and this file says why.
/// </summary>
public sealed class ServerErrorLog(string database) : ILoggerProvider
{
    private static readonly Lock Gate = new();
    private static readonly string FilePath = Path.Combine(RepoPaths.Root, "artifacts", "test-results", "server-errors.log");

    public ILogger CreateLogger(string categoryName) => new Logger(database, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string database, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        // Warnings too from our code and the job server: a job that fails and is retried only warns.
        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= LogLevel.Error
            || (logLevel == LogLevel.Warning && (category.StartsWith("Hangfire", StringComparison.Ordinal) || category.StartsWith("ServicePro", StringComparison.Ordinal)));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            lock (Gate)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
                File.AppendAllText(FilePath, $"{DateTime.UtcNow:O} [{database}] {logLevel} {category}: {formatter(state, exception)}\n{exception}\n\n");
            }
        }
    }
}
