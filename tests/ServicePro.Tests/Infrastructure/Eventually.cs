using System.Diagnostics;

namespace ServicePro.Tests.Infrastructure;

/// <summary>
/// Waits for something a background job, a listener or another host does in its own time. It polls rather
/// than sleeps for a fixed time, so a fast machine is not slowed and a slow one still passes; a timeout
/// fails the test with what it waited for and the last thing it saw.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>Polls <paramref name="read"/> until <paramref name="done"/> holds for its answer, and returns that answer.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string because, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        var polls = 0;
        while (true)
        {
            var last = await read();
            polls++;
            if (done(last))
            {
                return last;
            }

            if (clock.Elapsed > limit)
            {
                Assert.Fail($"{because}: not within {limit.TotalSeconds:0.#} s ({polls} polls); last seen: {Describe(last)}");
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it is true.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null) =>
        UntilAsync(condition, holds => holds, because, timeout);

    /// <summary>Polls <paramref name="condition"/> (no I/O of its own, e.g. what a fake received) until it is true.</summary>
    public static Task UntilAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), holds => holds, because, timeout);

    /// <summary>Polls <paramref name="probe"/> until it finds something, and returns it.</summary>
    public static async Task<T> FindAsync<T>(Func<Task<T?>> probe, string because, TimeSpan? timeout = null)
        where T : class =>
        (await UntilAsync(probe, found => found is not null, because, timeout))!;

    /// <summary>Polls <paramref name="probe"/> (no I/O of its own) until it finds something, and returns it.</summary>
    public static Task<T> FindAsync<T>(Func<T?> probe, string because, TimeSpan? timeout = null)
        where T : class =>
        FindAsync(() => Task.FromResult(probe()), because, timeout);

    private static string Describe<T>(T value) => value switch
    {
        null => "nothing",
        bool holds => holds ? "true" : "false",
        _ => value.ToString() ?? "nothing",
    };
}
