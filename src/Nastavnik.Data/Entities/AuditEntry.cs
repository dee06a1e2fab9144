using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Data.Entities;

public enum AuditAction { Create, Update, Delete, Read, Export, Import, SignIn, SignInFailed, SignOut, Lockout }

/// <summary>One line of the append-only audit log; the table refuses UPDATE and DELETE by trigger.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public long? UserId { get; set; }
    public string UserName { get; set; } = "";
    public AuditAction Action { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public long? RegionId { get; set; }
    public string Details { get; set; } = "";
    public string Ip { get; set; } = "";
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.Action).HasConversion(new SnakeCaseEnumConverter<AuditAction>());
        b.Property(x => x.At).HasDefaultValueSql("now()");
    }
}
