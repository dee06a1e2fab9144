using System.Security.Cryptography;
using System.Text;
using Nastavnik.Data.Entities;

namespace Nastavnik.Data;

/// <summary>
/// Who performs the work a DbContext saves. The web registers one per request from the signed-in user; the CLI one
/// per run. It only stamps audit entries, it grants nothing. The log keeps ids and actions, never names or typed text:
/// a signed-in user is their id alone (UserName stays empty), and UserName names only actors without an account
/// ("system", "cli").
/// </summary>
public class AuditActor
{
    public static readonly AuditActor System = new() { UserName = "system" };
    public static readonly AuditActor Cli = new() { UserName = "cli" };

    public virtual long? UserId { get; init; }
    public virtual string UserName { get; init; } = "";
    public virtual string Ip { get; init; } = "";
    /// <summary>The actor's region, used when the changed row has none of its own (users, assignments).</summary>
    public virtual long? RegionId { get; init; }

    public AuditEntry Entry(AuditAction action, string entityType, string entityId, long? regionId, string details) => new()
    {
        At = DateTimeOffset.UtcNow,
        UserId = UserId,
        UserName = UserId is null ? UserName : "",
        Ip = Ip,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        RegionId = regionId ?? RegionId,
        Details = details.Length > 2000 ? details[..2000] : details,
    };

    /// <summary>
    /// What the log records of a login typed at a failed sign-in that matches no account: a hash, so that repeated
    /// attempts at one login can be told apart without the typed text (often a person's name) entering the log.
    /// Migration 21 computes the same value in SQL for the rows written before: keep the two in step.
    /// </summary>
    public static string LoginHash(string typed) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(typed.Trim().ToLowerInvariant())))[..16];
}
