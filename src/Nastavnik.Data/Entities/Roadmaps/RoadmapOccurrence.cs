using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Domain.Roadmaps;

namespace Nastavnik.Data.Entities.Roadmaps;

/// <summary>One dated occurrence of an item (per organization when the item fans out), with its execution record.</summary>
public class RoadmapOccurrence
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public RoadmapItem Item { get; set; } = null!;
    public long RoadmapId { get; set; }
    public Roadmap Roadmap { get; set; } = null!;
    public long RegionId { get; set; }
    public long? MunicipalityId { get; set; }
    public long? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public DateOnly? StartDate { get; set; }
    /// <summary>Null for an event-driven item (по событию).</summary>
    public DateOnly? DueDate { get; set; }
    public OccurrenceStatus Status { get; set; }
    public string Comment { get; set; } = "";
    /// <summary>The day the work was reported done: on time when ≤ DueDate.</summary>
    public DateOnly? DoneOn { get; set; }
    public long? UpdatedByUserId { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public List<RoadmapEvidence> Evidence { get; set; } = [];
}

public sealed class RoadmapOccurrenceConfiguration : IEntityTypeConfiguration<RoadmapOccurrence>
{
    public void Configure(EntityTypeBuilder<RoadmapOccurrence> b)
    {
        b.Property(x => x.Status).HasConversion(new SnakeCaseEnumConverter<OccurrenceStatus>());
        b.HasOne(x => x.Roadmap).WithMany().HasForeignKey(x => x.RoadmapId);
        b.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.OccurrenceId);
    }
}
