using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Data.Entities.Pairs;

/// <summary>«Сообщить о проблеме»: a confidential note from a participant to the curator, visible to nobody else.</summary>
public class ProblemReport
{
    public long Id { get; set; }
    public long GroupId { get; set; }
    public MentoringGroup Group { get; set; } = null!;
    public long RegionId { get; set; }
    public long OrganizationId { get; set; }
    public long? PersonId { get; set; }
    public long? UserId { get; set; }
    public string Text { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

public sealed class ProblemReportConfiguration : IEntityTypeConfiguration<ProblemReport>
{
    public void Configure(EntityTypeBuilder<ProblemReport> b) => b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
}
