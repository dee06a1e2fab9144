using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Domain.Territories;

namespace Nastavnik.Data.Entities;

public class Municipality
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public Region Region { get; set; } = null!;
    public string Name { get; set; } = "";
    public MunicipalityKind Kind { get; set; }
    /// <summary>The education authority: «Управление образования г. Азова», «ГОРУНО».</summary>
    public string AuthorityName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<Organization> Organizations { get; set; } = [];
}

public sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> b)
    {
        b.Property(x => x.Kind).HasConversion(new SnakeCaseEnumConverter<MunicipalityKind>());
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
    }
}
