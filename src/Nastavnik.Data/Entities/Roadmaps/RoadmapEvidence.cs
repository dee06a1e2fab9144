using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Data.Entities.Roadmaps;

/// <summary>A file or a link proving an occurrence was done.</summary>
public class RoadmapEvidence
{
    public long Id { get; set; }
    public long OccurrenceId { get; set; }
    /// <summary>'file' or 'link'.</summary>
    public string Kind { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[]? Content { get; set; }
    public string Url { get; set; } = "";
    public long? UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class RoadmapEvidenceConfiguration : IEntityTypeConfiguration<RoadmapEvidence>
{
    public void Configure(EntityTypeBuilder<RoadmapEvidence> b)
    {
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
    }
}
