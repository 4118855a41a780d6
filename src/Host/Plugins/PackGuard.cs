namespace ServicePro.Host.Plugins;

/// <summary>
/// The one way the host calls a loaded pack's code while serving requests. Whatever the pack throws is logged
/// with the pack's id, counted on its <see cref="PluginHealth"/>, and turned into a <see cref="PackFaultException"/>,
/// which callers answer with a clear problem instead of letting it become an unhandled 500. The pack's content
/// (services, questions, templates, prompts, defaults) is read once at load (<see cref="GuardedPack"/>), so only
/// its code — today the estimator — runs per request, and only through here.
/// </summary>
public sealed class PackGuard(string packId, PluginHealth health, TimeProvider clock, ILogger logger)
{
    public string PackId => packId;

    public T Run<T>(string operation, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception ex)
        {
            health.RecordFault(clock.GetUtcNow(), $"{operation}: {ex.GetType().Name}: {ex.Message}");
            logger.LogError(ex, "Industry pack {PackId} failed in {PackOperation}", packId, operation);
            throw new PackFaultException(packId, operation, ex);
        }
    }
}

/// <summary>A pack's own code failed; the request it served can't be answered by the pack right now.</summary>
public sealed class PackFaultException(string packId, string operation, Exception inner)
    : Exception($"Industry pack '{packId}' failed in {operation}.", inner)
{
    public string PackId => packId;

    public string Operation => operation;
}
