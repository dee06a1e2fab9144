using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Data.Entities.Pairs;

/// <summary>A goal of the personal plan («персонализированная программа наставничества») with its tasks.</summary>
public class PlanGoal
{
    public long Id { get; set; }
    public long GroupId { get; set; }
    public MentoringGroup Group { get; set; } = null!;
    public int Position { get; set; }
    public string Goal { get; set; } = "";
    /// <summary>The measurable result that shows the goal is reached.</summary>
    public string Measure { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    public int Progress { get; set; }
    public DateOnly? DoneOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public uint RowVersion { get; set; }
    public List<PlanTask> Tasks { get; set; } = [];
}

public class PlanTask
{
    public long Id { get; set; }
    public long GoalId { get; set; }
    public PlanGoal Goal { get; set; } = null!;
    public int Position { get; set; }
    public string Text { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    public bool IsDone { get; set; }
}

public sealed class PlanGoalConfiguration : IEntityTypeConfiguration<PlanGoal>
{
    public void Configure(EntityTypeBuilder<PlanGoal> b)
    {
        b.Property(x => x.CreatedAt).HasDefaultValueSql("now()");
        b.Property(x => x.RowVersion).IsRowVersion().HasColumnName("xmin");
        b.HasMany(x => x.Tasks).WithOne(x => x.Goal).HasForeignKey(x => x.GoalId);
    }
}
