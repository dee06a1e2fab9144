using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Matching;

namespace Nastavnik.Data.Entities.Matching;

/// <summary>Mentee-choice mode: one mentor offered to one mentee, and what became of the offer.</summary>
public class MatchChoice
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public MatchRun Run { get; set; } = null!;
    public long RegionId { get; set; }
    public long OrganizationId { get; set; }
    public long MenteeProfileId { get; set; }
    public MenteeProfile MenteeProfile { get; set; } = null!;
    public long MentorProfileId { get; set; }
    public MentorProfile MentorProfile { get; set; } = null!;
    public int Rank { get; set; }
    public int Score { get; set; }
    public string Breakdown { get; set; } = "[]";
    public ChoiceStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public uint RowVersion { get; set; }
}

public sealed class MatchChoiceConfiguration : IEntityTypeConfiguration<MatchChoice>
{
    public void Configure(EntityTypeBuilder<MatchChoice> b)
    {
        b.Property(x => x.Status).HasConversion(new SnakeCaseEnumConverter<ChoiceStatus>());
        b.Property(x => x.Breakdown).HasColumnType("jsonb");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.RowVersion).IsRowVersion().HasColumnName("xmin");
    }
}
