using Nastavnik.Data.Entities;

namespace Nastavnik.Data;

/// <summary>
/// Who performs the work a DbContext saves. The web registers one per request from the signed-in user; the CLI one
/// per run. It only stamps audit entries, it grants nothing.
/// </summary>
public class AuditActor
{
    public static readonly AuditActor System = new() { UserName = "system" };

    public virtual long? UserId { get; init; }
    public virtual string UserName { get; init; } = "";
    public virtual string Ip { get; init; } = "";
    /// <summary>The actor's region, used when the changed row has none of its own (users, assignments).</summary>
    public virtual long? RegionId { get; init; }

    public AuditEntry Entry(AuditAction action, string entityType, string entityId, long? regionId, string details) => new()
    {
        At = DateTimeOffset.UtcNow,
        UserId = UserId,
        UserName = UserName,
        Ip = Ip,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        RegionId = regionId ?? RegionId,
        Details = details.Length > 2000 ? details[..2000] : details,
    };
}
