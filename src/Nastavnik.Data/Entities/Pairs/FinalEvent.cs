using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Data.Entities.Pairs;

/// <summary>«Итоговое мероприятие»: a group final event that closes several pairs at once.</summary>
public class FinalEvent
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public long OrganizationId { get; set; }
    public long? ProgramId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly HeldOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<MentoringGroup> Groups { get; set; } = [];
}

public sealed class FinalEventConfiguration : IEntityTypeConfiguration<FinalEvent>
{
    public void Configure(EntityTypeBuilder<FinalEvent> b)
    {
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.HasMany(x => x.Groups).WithOne(x => x.FinalEvent).HasForeignKey(x => x.FinalEventId);
    }
}
