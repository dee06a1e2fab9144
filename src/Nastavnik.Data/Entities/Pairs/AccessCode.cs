using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Data.Entities.Pairs;

/// <summary>A one-time sign-in code printed on a slip for a pupil without e-mail; only its hash is stored.</summary>
public class AccessCode
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public User User { get; set; } = null!;
    public string CodeHash { get; set; } = "";
    public long? CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    /// <summary>Set when the curator revokes the code or issues a new one; a revoked code no longer signs anyone in.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>xmin: a code used and revoked at the same moment, or used twice at once, fails one of the two saves.</summary>
    public uint RowVersion { get; set; }
}

public sealed class AccessCodeConfiguration : IEntityTypeConfiguration<AccessCode>
{
    public void Configure(EntityTypeBuilder<AccessCode> b)
    {
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.RowVersion).IsRowVersion().HasColumnName("xmin");
    }
}
