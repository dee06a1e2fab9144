using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;

namespace Nastavnik.Web.Features.Pairs;

public sealed record PlanTaskRow(long Id, string Text, DateOnly? DueOn, bool IsDone);

public sealed record PlanGoalRow(long Id, int Position, string Goal, string Measure, DateOnly? DueOn, int Progress, DateOnly? DoneOn, uint RowVersion,
    List<PlanTaskRow> Tasks);

/// <summary>The personal plan of a pair, as the card, the plan page and the .docx show it.</summary>
public static class PlanQueries
{
    public static Task<List<PlanGoalRow>> GoalsAsync(NastavnikDb db, long groupId) =>
        db.PlanGoals.AsNoTracking().Where(g => g.GroupId == groupId).OrderBy(g => g.Position).ThenBy(g => g.Id)
            .Select(g => new PlanGoalRow(g.Id, g.Position, g.Goal, g.Measure, g.DueOn, g.Progress, g.DoneOn, g.RowVersion,
                g.Tasks.OrderBy(t => t.Position).ThenBy(t => t.Id).Select(t => new PlanTaskRow(t.Id, t.Text, t.DueOn, t.IsDone)).ToList()))
            .ToListAsync();
}
