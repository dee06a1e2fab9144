using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Domain.Roadmaps;

namespace Nastavnik.Data.Entities.Roadmaps;

/// <summary>One step of the approval history, with the reviewer's comment and per-item comments.</summary>
public class RoadmapStatusChange
{
    public long Id { get; set; }
    public long RoadmapId { get; set; }
    public RoadmapStatus FromStatus { get; set; }
    public RoadmapStatus ToStatus { get; set; }
    public string Comment { get; set; } = "";
    public long? UserId { get; set; }
    public User? User { get; set; }
    public DateTimeOffset At { get; set; }
    public List<RoadmapItemComment> ItemComments { get; set; } = [];
}

public class RoadmapItemComment
{
    public long Id { get; set; }
    public long StatusChangeId { get; set; }
    public long ItemId { get; set; }
    public string Comment { get; set; } = "";
}

public sealed class RoadmapStatusChangeConfiguration : IEntityTypeConfiguration<RoadmapStatusChange>
{
    public void Configure(EntityTypeBuilder<RoadmapStatusChange> b)
    {
        b.Property(x => x.FromStatus).HasConversion(new SnakeCaseEnumConverter<RoadmapStatus>());
        b.Property(x => x.ToStatus).HasConversion(new SnakeCaseEnumConverter<RoadmapStatus>());
        b.Property(x => x.At).HasDefaultValueSql("now()");
        b.HasMany(x => x.ItemComments).WithOne().HasForeignKey(x => x.StatusChangeId);
    }
}
