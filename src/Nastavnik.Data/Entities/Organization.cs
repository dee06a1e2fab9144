using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Domain.Territories;

namespace Nastavnik.Data.Entities;

public class Organization
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public Region Region { get; set; } = null!;
    public long MunicipalityId { get; set; }
    public Municipality Municipality { get; set; } = null!;
    public string Name { get; set; } = "";
    public string ShortName { get; set; } = "";
    public OrganizationType Type { get; set; }
    public string? Inn { get; set; }
    public string Address { get; set; } = "";
    public string Email { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public uint Version { get; set; }
}

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(x => x.Type).HasConversion(new SnakeCaseEnumConverter<OrganizationType>());
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
    }
}
