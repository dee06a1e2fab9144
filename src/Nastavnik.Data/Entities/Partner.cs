using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Domain.Territories;

namespace Nastavnik.Data.Entities;

public class Partner
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public Region Region { get; set; } = null!;
    public string Name { get; set; } = "";
    public PartnerType Type { get; set; }
    public string? Inn { get; set; }
    public string ContactPerson { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }
    public List<PartnerMunicipality> Municipalities { get; set; } = [];
}

public class PartnerMunicipality
{
    public long PartnerId { get; set; }
    public long MunicipalityId { get; set; }
    public Municipality Municipality { get; set; } = null!;
}

public sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> b)
    {
        b.Property(x => x.Type).HasConversion(new SnakeCaseEnumConverter<PartnerType>());
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        b.HasMany(x => x.Municipalities).WithOne().HasForeignKey(x => x.PartnerId);
    }
}

public sealed class PartnerMunicipalityConfiguration : IEntityTypeConfiguration<PartnerMunicipality>
{
    public void Configure(EntityTypeBuilder<PartnerMunicipality> b) => b.HasKey(x => new { x.PartnerId, x.MunicipalityId });
}
