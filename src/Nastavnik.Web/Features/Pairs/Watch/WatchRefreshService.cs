using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Text;

namespace Nastavnik.Web.Features.Pairs.Watch;

/// <summary>
/// Recomputes the watch lists of every organization at start-up and just after each Moscow midnight, when the stored
/// flags turn stale, so the first curator of the morning does not wait for it (a reader of stale rows would recompute
/// them itself). Organizations go one by one, each a short statement; several web nodes may run it — the rows of an
/// organization already recomputed are skipped. Off together with the reminder scans (<c>Nastavnik:Reminders:Enabled</c>).
/// </summary>
public sealed class WatchRefreshService(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<WatchRefreshService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Nastavnik:Reminders:Enabled", true)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var count = await RefreshStaleAsync(Today(), stoppingToken);
                if (count > 0) log.LogInformation("Watch lists recomputed for {Count} organizations", count);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Watch list refresh failed; the next one runs after midnight");
            }
            var now = MoscowTime.From(clock.GetUtcNow());
            var wait = now.Date.AddDays(1).AddMinutes(1) - now;
            await Task.Delay(wait, clock, stoppingToken);
        }
    }

    /// <summary>Recomputes every organization whose counts are not as of <paramref name="today"/>; returns how many.</summary>
    public async Task<int> RefreshStaleAsync(DateOnly today, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NastavnikDb>();
        var stale = await db.WatchTotals.Where(t => t.AsOf != today).Select(t => t.OrganizationId).ToArrayAsync(ct);
        await WatchQuery.RefreshAsync(db, stale, today, ct);
        return stale.Length;
    }

    private DateOnly Today() => clock.MoscowToday();
}
