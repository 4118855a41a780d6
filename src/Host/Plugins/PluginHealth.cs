namespace ServicePro.Host.Plugins;

/// <summary>
/// How often a loaded plugin's code has failed since the host started, and the last failure, so an operator
/// sees a misbehaving pack on its status (<c>GET /api/platform/plugins</c>) and not only in the logs. Counted
/// in memory per host process: a restart starts from zero, as the logs do.
/// </summary>
public sealed class PluginHealth
{
    private readonly Lock _gate = new();
    private long _faultCount;

    public long FaultCount => Interlocked.Read(ref _faultCount);

    public DateTimeOffset? LastFaultAt { get; private set; }

    /// <summary>What failed last, e.g. "Estimate: InvalidOperationException: no price for that size".</summary>
    public string? LastFault { get; private set; }

    public void RecordFault(DateTimeOffset at, string what)
    {
        Interlocked.Increment(ref _faultCount);
        lock (_gate)
        {
            if (LastFaultAt is null || at >= LastFaultAt)
            {
                (LastFaultAt, LastFault) = (at, what);
            }
        }
    }
}
