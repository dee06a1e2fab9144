using Nastavnik.Data.Local;

namespace Nastavnik.IntegrationTests.Infrastructure;

/// <summary>
/// The one throwaway PostgreSQL cluster the parallel test collections share: started by the first collection that
/// needs it, stopped and deleted when the last one is done (xunit 2 has no assembly fixture). A cluster start costs
/// seconds, a database on it milliseconds, so collections take a database each instead of a cluster each.
/// </summary>
internal static class SharedCluster
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static LocalCluster? _cluster;
    private static int _users;

    public static async Task<LocalCluster> AcquireAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _cluster ??= await LocalCluster.StartTemporaryAsync(TextWriter.Null);
            _users++;
            return _cluster;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task ReleaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (--_users > 0 || _cluster is null) return;
            await _cluster.StopAndDeleteAsync();
            _cluster = null;
        }
        finally
        {
            Gate.Release();
        }
    }
}
