using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Domain.People;

namespace Nastavnik.Data.Entities.People;

/// <summary>A consent under 152-ФЗ for one purpose, signed by the person or by a legal representative.</summary>
public class Consent
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public long RegionId { get; set; }
    public long OrganizationId { get; set; }
    public ConsentPurpose Purpose { get; set; }
    public ConsentSigner Signer { get; set; }
    public long? RepresentativeId { get; set; }
    public Person? Representative { get; set; }
    /// <summary>'' for self; 'parent', 'guardian' or 'custodian' for a representative.</summary>
    public string Authority { get; set; } = "";
    public DateOnly GivenOn { get; set; }
    public string FormVersion { get; set; } = "";
    public string DocumentNumber { get; set; } = "";
    public string ScanFileName { get; set; } = "";
    public byte[]? ScanContent { get; set; }
    public string DistributionScope { get; set; } = "";
    public DateOnly? WithdrawnOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> b)
    {
        b.Property(x => x.Purpose).HasConversion(new SnakeCaseEnumConverter<ConsentPurpose>());
        b.Property(x => x.Signer).HasConversion(new SnakeCaseEnumConverter<ConsentSigner>());
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasOne(x => x.Representative).WithMany().HasForeignKey(x => x.RepresentativeId);
    }
}
