using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Data.Entities;

public class Region
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Two-digit code of the subject of the Russian Federation («61» Ростовская область).</summary>
    public string? Code { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<Municipality> Municipalities { get; set; } = [];
}

public sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b) => b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
}
