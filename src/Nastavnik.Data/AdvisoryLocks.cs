using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Nastavnik.Data;

/// <summary>
/// Every PostgreSQL advisory lock of the application, so that no two pieces of work pick the same key. One numbering
/// scheme, one bigint per lock: "NS" in the top 16 bits (apart from other applications' locks on a shared server),
/// the lock's number in the next 16, and in the low 32 the row it guards, or 0.
/// </summary>
public static class AdvisoryLocks
{
    private const long Prefix = 0x4E53L << 48;

    /// <summary>Applying db/migrations: a second node starting at the same time waits, then finds nothing to do.</summary>
    public const long Migrations = Prefix | 1L << 32;
    /// <summary>A roadmap deadline-reminder scan: one node at a time.</summary>
    public const long RoadmapReminders = Prefix | 2L << 32;
    /// <summary>A run destroying withdrawn people's data: one node at a time.</summary>
    public const long Destruction = Prefix | 3L << 32;
    /// <summary>A pair-reminder pass: one node at a time.</summary>
    public const long PairReminders = Prefix | 4L << 32;
    private const long MatchApproval = Prefix | 5L << 32;

    /// <summary>The approvals of matching runs in one organization take turns under this lock.</summary>
    public static long MatchApprovalIn(long organizationId) => MatchApproval | (uint)organizationId;

    /// <summary>Waits for the lock; it is held until the current transaction ends.</summary>
    public static async Task LockForTransactionAsync(this DatabaseFacade database, long key, CancellationToken ct = default) =>
        await database.ExecuteSqlAsync($"select pg_advisory_xact_lock({key})", ct);

    /// <summary>Takes the lock until the current transaction ends; false at once when another session holds it.</summary>
    public static Task<bool> TryLockForTransactionAsync(this DatabaseFacade database, long key, CancellationToken ct = default) =>
        database.SqlQuery<bool>($"select pg_try_advisory_xact_lock({key}) as \"Value\"").SingleAsync(ct);

    /// <summary>
    /// Takes the lock for the session (the open connection) until <see cref="UnlockAsync"/>; false at once when
    /// another session holds it.
    /// </summary>
    public static Task<bool> TryLockAsync(this DatabaseFacade database, long key, CancellationToken ct = default) =>
        database.SqlQuery<bool>($"select pg_try_advisory_lock({key}) as \"Value\"").SingleAsync(ct);

    public static async Task UnlockAsync(this DatabaseFacade database, long key, CancellationToken ct = default) =>
        await database.ExecuteSqlAsync($"select pg_advisory_unlock({key})", ct);
}
