using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Matching;

namespace Nastavnik.Data.Entities.Matching;

/// <summary>One run of the matcher for a programme and form; its proposal awaits the curator until approved.</summary>
public class MatchRun
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public long OrganizationId { get; set; }
    public long ProgramId { get; set; }
    public MentoringProgram Program { get; set; } = null!;
    public string Form { get; set; } = "";
    public string DeliveryMode { get; set; } = "";
    public MatchMode Mode { get; set; }
    public bool IsGroup { get; set; }
    /// <summary>The factor weights as JSON ({"topics": 40, …}).</summary>
    public string Weights { get; set; } = "{}";
    public MatchRunStatus Status { get; set; }
    public int Progress { get; set; }
    public string ProgressNote { get; set; } = "";
    public string Error { get; set; } = "";
    public long? TotalScore { get; set; }
    public int? Matched { get; set; }
    public int? Unmatched { get; set; }
    public int? SolveMs { get; set; }
    public long? CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public long? ApprovedByUserId { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public DateOnly? StartDate { get; set; }
    public string OrderNumber { get; set; } = "";
    public DateOnly? OrderDate { get; set; }
    public uint RowVersion { get; set; }
    public List<MatchProposal> Proposals { get; set; } = [];
}

public sealed class MatchRunConfiguration : IEntityTypeConfiguration<MatchRun>
{
    public void Configure(EntityTypeBuilder<MatchRun> b)
    {
        b.Property(x => x.Mode).HasConversion(new SnakeCaseEnumConverter<MatchMode>());
        b.Property(x => x.Status).HasConversion(new SnakeCaseEnumConverter<MatchRunStatus>());
        b.Property(x => x.Weights).HasColumnType("jsonb");
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.RowVersion).IsRowVersion().HasColumnName("xmin");
        b.HasMany(x => x.Proposals).WithOne(x => x.Run).HasForeignKey(x => x.RunId);
    }
}
