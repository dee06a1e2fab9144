using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Data.Entities.People;

namespace Nastavnik.Data.Entities.Matching;

/// <summary>A line of a run's proposal: a mentee and the proposed mentor (none: unmatched, with the reason).</summary>
public class MatchProposal
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public MatchRun Run { get; set; } = null!;
    public long MenteeProfileId { get; set; }
    public MenteeProfile MenteeProfile { get; set; } = null!;
    public long? MentorProfileId { get; set; }
    public MentorProfile? MentorProfile { get; set; }
    public int Score { get; set; }
    /// <summary>The score breakdown as JSON ([{"code", "title", "points", "detail"}, …]).</summary>
    public string Breakdown { get; set; } = "[]";
    public long? AlternativeMentorProfileId { get; set; }
    public MentorProfile? AlternativeMentorProfile { get; set; }
    public int? AlternativeScore { get; set; }
    public bool IsLocked { get; set; }
    public bool IsManual { get; set; }
    public List<string> Warnings { get; set; } = [];
    public string UnmatchedReason { get; set; } = "";
    public uint RowVersion { get; set; }
}

public sealed class MatchProposalConfiguration : IEntityTypeConfiguration<MatchProposal>
{
    public void Configure(EntityTypeBuilder<MatchProposal> b)
    {
        b.Property(x => x.Breakdown).HasColumnType("jsonb");
        b.Property(x => x.RowVersion).IsRowVersion().HasColumnName("xmin");
        b.HasOne(x => x.MentorProfile).WithMany().HasForeignKey(x => x.MentorProfileId);
        b.HasOne(x => x.AlternativeMentorProfile).WithMany().HasForeignKey(x => x.AlternativeMentorProfileId);
    }
}
