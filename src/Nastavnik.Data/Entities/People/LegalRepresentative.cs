using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Domain.People;

namespace Nastavnik.Data.Entities.People;

public class LegalRepresentative
{
    public long Id { get; set; }
    public long ChildId { get; set; }
    public Person Child { get; set; } = null!;
    public long RepresentativeId { get; set; }
    public Person Representative { get; set; } = null!;
    public Relationship Relationship { get; set; }
    /// <summary>The document confirming a guardian's or custodian's authority.</summary>
    public string Document { get; set; } = "";
}

public sealed class LegalRepresentativeConfiguration : IEntityTypeConfiguration<LegalRepresentative>
{
    public void Configure(EntityTypeBuilder<LegalRepresentative> b)
    {
        b.Property(x => x.Relationship).HasConversion(new SnakeCaseEnumConverter<Relationship>());
        b.HasOne(x => x.Representative).WithMany().HasForeignKey(x => x.RepresentativeId);
    }
}
