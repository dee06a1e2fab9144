using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nastavnik.Data.Entities.Matching;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Pairs;

namespace Nastavnik.Data.Entities.Pairs;

/// <summary>«Наставническая пара или группа»: the unit of work; a pair is a group with one mentee.</summary>
public class MentoringGroup
{
    public long Id { get; set; }
    public long RegionId { get; set; }
    public long OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public long ProgramId { get; set; }
    public MentoringProgram Program { get; set; } = null!;
    public bool IsGroup { get; set; }
    public string Form { get; set; } = "";
    public string RoleVariant { get; set; } = "";
    public string DeliveryMode { get; set; } = "";
    public long? CuratorUserId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? PlannedEnd { get; set; }
    public GroupStatus Status { get; set; }
    public DateOnly? ClosedOn { get; set; }
    /// <summary>Since when the pair is «Приостановлена» (set while paused).</summary>
    public DateOnly? PausedOn { get; set; }
    public string PauseReason { get; set; } = "";
    /// <summary>When the paused pair means to resume, if known.</summary>
    public DateOnly? ResumeOn { get; set; }
    public long? MatchRunId { get; set; }
    public MatchRun? MatchRun { get; set; }
    public ClosureKind ClosureKind { get; set; }
    public ClosureReason ClosureReason { get; set; }
    public string ClosureComment { get; set; } = "";
    public string Reflection { get; set; } = "";
    public string Results { get; set; } = "";
    /// <summary>When the pair was proposed to the best-practice bank (only with the distribution consent).</summary>
    public DateTimeOffset? CaseProposedAt { get; set; }
    public long? FinalEventId { get; set; }
    public FinalEvent? FinalEvent { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public uint RowVersion { get; set; }
    public List<GroupMember> Members { get; set; } = [];
}

public sealed class MentoringGroupConfiguration : IEntityTypeConfiguration<MentoringGroup>
{
    public void Configure(EntityTypeBuilder<MentoringGroup> b)
    {
        b.Property(x => x.Status).HasConversion(new SnakeCaseEnumConverter<GroupStatus>());
        b.Property(x => x.ClosureKind).HasConversion(new SnakeCaseEnumConverter<ClosureKind>());
        b.Property(x => x.ClosureReason).HasConversion(new SnakeCaseEnumConverter<ClosureReason>());
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.RowVersion).IsRowVersion().HasColumnName("xmin");
        b.HasMany(x => x.Members).WithOne(x => x.Group).HasForeignKey(x => x.GroupId);
    }
}
