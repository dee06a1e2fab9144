using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Data.Entities.People;

namespace Nastavnik.Data.Entities.Pairs;

/// <summary>A mentor training event or course, run by an organization, a municipality or a region.</summary>
public class Training
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public long? MunicipalityId { get; set; }
    public long? OrganizationId { get; set; }
    public string Title { get; set; } = "";
    public decimal Hours { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public string Trainer { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public uint RowVersion { get; set; }
    public List<TrainingParticipant> Participants { get; set; } = [];
}

/// <summary>A person enrolled in a training: attendance and completion (completion makes a mentor «обучен»).</summary>
public class TrainingParticipant
{
    public long Id { get; set; }
    public long TrainingId { get; set; }
    public Training Training { get; set; } = null!;
    public long PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public long OrganizationId { get; set; }
    public bool Attended { get; set; }
    public DateOnly? CompletedOn { get; set; }
}

public sealed class TrainingConfiguration : IEntityTypeConfiguration<Training>
{
    public void Configure(EntityTypeBuilder<Training> b)
    {
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.RowVersion).IsRowVersion().HasColumnName("xmin");
        b.HasMany(x => x.Participants).WithOne(x => x.Training).HasForeignKey(x => x.TrainingId);
    }
}
