using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Data.Entities.People;

/// <summary>«Акт об уничтожении персональных данных»: what was erased, when, by whom, on what basis.</summary>
public class DestructionAct
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public long RegionId { get; set; }
    public long OrganizationId { get; set; }
    public DateTimeOffset DestroyedAt { get; set; }
    public string Fields { get; set; } = "";
    public string Basis { get; set; } = "";
    public long? UserId { get; set; }
}

public sealed class DestructionActConfiguration : IEntityTypeConfiguration<DestructionAct>
{
    public void Configure(EntityTypeBuilder<DestructionAct> b) => b.Property(x => x.DestroyedAt).HasDefaultValueSql("now()");
}
