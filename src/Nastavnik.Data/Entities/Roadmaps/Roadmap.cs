using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Domain.Roadmaps;

namespace Nastavnik.Data.Entities.Roadmaps;

public class Roadmap
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public Region Region { get; set; } = null!;
    public RoadmapLevel Level { get; set; }
    public long? MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
    public long? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public string Title { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public string Basis { get; set; } = "";
    public string OrderNumber { get; set; } = "";
    public DateOnly? OrderDate { get; set; }
    public RoadmapStatus Status { get; set; }
    public int Version { get; set; } = 1;
    public bool IsTemplate { get; set; }
    public long? SourceRoadmapId { get; set; }
    public string SourceFileName { get; set; } = "";
    public string SourceHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>xmin: a stale save is refused.</summary>
    public uint RowVersion { get; set; }
    public List<RoadmapSection> Sections { get; set; } = [];
    public List<RoadmapItem> Items { get; set; } = [];
    public List<RoadmapStatusChange> StatusChanges { get; set; } = [];

    public Period Period => new(PeriodStart, PeriodEnd);
}

public sealed class RoadmapConfiguration : IEntityTypeConfiguration<Roadmap>
{
    public void Configure(EntityTypeBuilder<Roadmap> b)
    {
        b.Property(x => x.Level).HasConversion(new SnakeCaseEnumConverter<RoadmapLevel>());
        b.Property(x => x.Status).HasConversion(new SnakeCaseEnumConverter<RoadmapStatus>());
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.RowVersion).IsRowVersion().HasColumnName("xmin");
        b.Ignore(x => x.Period);
        b.HasMany(x => x.Sections).WithOne().HasForeignKey(x => x.RoadmapId);
        b.HasMany(x => x.Items).WithOne(x => x.Roadmap).HasForeignKey(x => x.RoadmapId);
        b.HasMany(x => x.StatusChanges).WithOne().HasForeignKey(x => x.RoadmapId);
    }
}
