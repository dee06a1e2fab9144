namespace Nastavnik.Web.Features.Matching;

public static class MatchingServices
{
    /// <summary>
    /// The matching background work: <see cref="MatchRunWorker"/> (<c>Nastavnik:Matching</c>) and the signal a new or
    /// re-queued run sends it. The worker is a singleton hosted service, so tests can resolve it and run one round.
    /// </summary>
    public static IServiceCollection AddMatchingServices(this IServiceCollection s)
    {
        s.AddOptions<MatchRunWorker.Settings>().BindConfiguration("Nastavnik:Matching");
        s.AddSingleton<MatchRunSignal>();
        s.AddSingleton<MatchRunWorker>();
        s.AddHostedService(sp => sp.GetRequiredService<MatchRunWorker>());
        return s;
    }
}

/// <summary>Wakes this node's worker at once when a run is queued here; other nodes find it at their next poll.</summary>
public sealed class MatchRunSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        // At most one pending wake-up: the worker drains the whole queue when it wakes.
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);
}
