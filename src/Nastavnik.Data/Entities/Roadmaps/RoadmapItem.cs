using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Nastavnik.Domain.Roadmaps;

namespace Nastavnik.Data.Entities.Roadmaps;

public class RoadmapItem
{
    public long Id { get; set; }
    public long RoadmapId { get; set; }
    public Roadmap Roadmap { get; set; } = null!;
    public long? SectionId { get; set; }
    public RoadmapSection? Section { get; set; }
    public int Position { get; set; }
    /// <summary>As written: «1.1.», «5.1.2», «14.».</summary>
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>The official's text, always kept; the parsed schedule lives in the occurrences.</summary>
    public string DeadlineText { get; set; } = "";
    public DeadlineKind DeadlineKind { get; set; }
    public bool DeadlineLowPrecision { get; set; }
    public bool DeadlineThenOnDemand { get; set; }
    public string StartText { get; set; } = "";
    public string EndText { get; set; } = "";
    public string Responsible { get; set; } = "";
    public string? ResponsibleRegional { get; set; }
    public string? ResponsibleMunicipal { get; set; }
    public string? ResponsibleOrganization { get; set; }
    public string Result { get; set; } = "";
    public int? Stage { get; set; }
    public bool FanOut { get; set; }
    public List<RoadmapOccurrence> Occurrences { get; set; } = [];
}

public sealed class RoadmapItemConfiguration : IEntityTypeConfiguration<RoadmapItem>
{
    public void Configure(EntityTypeBuilder<RoadmapItem> b)
    {
        b.Property(x => x.DeadlineKind).HasConversion(new ValueConverter<DeadlineKind, string>(
            k => DeadlineSchedule.KindCode(k), s => Enum.Parse<DeadlineKind>(s.Replace("_", ""), true)));
        b.HasMany(x => x.Occurrences).WithOne(x => x.Item).HasForeignKey(x => x.ItemId);
    }
}
