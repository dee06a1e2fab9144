using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>
/// The personal plan («персонализированная программа наставничества»): goals with a measurable result, due date and
/// progress, each with tasks. Staff and the pair's mentor keep it; a goal's save checks its row version, so of two
/// people editing the same goal the second is refused instead of overwriting the first.
/// </summary>
[Access(Role.OrgHead, Role.Curator, Role.Mentor, Entity = ScopedEntity.MentoringGroup)]
public class PlanModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{

    public string Program { get; private set; } = "";
    public bool CanKeep { get; private set; }
    public bool Closed { get; private set; }
    public List<PlanGoalRow> Goals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAddGoalAsync(long id, GoalForm goal)
    {
        if (!await LoadAsync(id) || !CanKeep) return NotFound();
        if (!ModelState.IsValid || Closed) return Refuse();
        var position = await db.PlanGoals.Where(g => g.GroupId == id).MaxAsync(g => (int?)g.Position) ?? 0;
        db.PlanGoals.Add(new PlanGoal
        {
            GroupId = id, Position = position + 1, Goal = goal.Text!.Trim(), Measure = goal.Measure!.Trim(), DueOn = goal.DueOn,
            Progress = goal.Progress ?? 0, DoneOn = goal.Done ? Today : null,
        });
        await db.SaveChangesAsync();
        TempData["Message"] = "Цель добавлена в план.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSaveGoalAsync(long id, GoalForm goal)
    {
        if (!await LoadAsync(id) || !CanKeep) return NotFound();
        if (!ModelState.IsValid || Closed) return Refuse();
        var entity = await db.PlanGoals.SingleOrDefaultAsync(g => g.Id == goal.Id && g.GroupId == id);
        if (entity is null) return NotFound();
        db.Entry(entity).Property(e => e.RowVersion).OriginalValue = goal.Version;
        entity.Goal = goal.Text!.Trim();
        entity.Measure = goal.Measure!.Trim();
        entity.DueOn = goal.DueOn;
        entity.Progress = goal.Done ? 100 : goal.Progress ?? 0;
        entity.DoneOn = goal.Done ? entity.DoneOn ?? Today : null;
        if (!await db.TrySaveAsync(ModelState))
        {
            db.ChangeTracker.Clear();
            return Refuse();
        }
        TempData["Message"] = "Цель сохранена.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAddTaskAsync(long id, TaskForm task)
    {
        if (!await LoadAsync(id) || !CanKeep) return NotFound();
        if (!ModelState.IsValid || Closed) return Refuse();
        if (!await db.PlanGoals.AnyAsync(g => g.Id == task.GoalId && g.GroupId == id)) return NotFound();
        var position = await db.PlanTasks.Where(t => t.GoalId == task.GoalId).MaxAsync(t => (int?)t.Position) ?? 0;
        db.PlanTasks.Add(new PlanTask { GoalId = task.GoalId, Position = position + 1, Text = task.Text!.Trim(), DueOn = task.DueOn });
        await db.SaveChangesAsync();
        TempData["Message"] = "Задача добавлена.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostToggleTaskAsync(long id, long taskId)
    {
        if (!await LoadAsync(id) || !CanKeep) return NotFound();
        if (Closed) return Refuse();
        var entity = await db.PlanTasks.SingleOrDefaultAsync(t => t.Id == taskId && t.Goal.GroupId == id);
        if (entity is null) return NotFound();
        entity.IsDone = !entity.IsDone;
        await db.SaveChangesAsync();
        TempData["Message"] = entity.IsDone ? "Задача отмечена выполненной." : "Отметка о выполнении снята.";
        return RedirectToPage(new { id });
    }

    private DateOnly Today => clock.MoscowToday();

    private IActionResult Refuse()
    {
        if (Closed) ModelState.AddModelError("", "Пара (группа) завершена: план завершённой пары не изменяется.");
        return Page();
    }

    private async Task<bool> LoadAsync(long id)
    {
        var access = await PairAccess.ForAsync(db, me);
        var pair = await access.Groups(db.MentoringGroups.AsNoTracking()).Where(g => g.Id == id)
            .Select(g => new { g.Status, Program = g.Program.Name }).SingleOrDefaultAsync();
        if (pair is null) return false;
        CanKeep = await access.Keepers(db.MentoringGroups).AnyAsync(g => g.Id == id);
        Closed = pair.Status == GroupStatus.Closed;
        Program = pair.Program;
        Goals = await PlanQueries.GoalsAsync(db, id);
        return true;
    }

    public sealed class GoalForm
    {
        public long Id { get; set; }
        public uint Version { get; set; }
        [Required(ErrorMessage = "Укажите цель"), StringLength(500, ErrorMessage = "Цель — не длиннее 500 символов")] public string? Text { get; set; }
        [Required(ErrorMessage = "Укажите измеримый результат цели"), StringLength(500, ErrorMessage = "Результат — не длиннее 500 символов")]
        public string? Measure { get; set; }
        public DateOnly? DueOn { get; set; }
        [Range(0, 100, ErrorMessage = "Выполнение цели — от 0 до 100 %")] public int? Progress { get; set; }
        public bool Done { get; set; }
    }

    public sealed class TaskForm
    {
        public long GoalId { get; set; }
        [Required(ErrorMessage = "Укажите задачу"), StringLength(500, ErrorMessage = "Задача — не длиннее 500 символов")] public string? Text { get; set; }
        public DateOnly? DueOn { get; set; }
    }
}
