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
/// «Приостановить» / «Возобновить» a pair or group: the curator or head pauses an active pair with a reason (and, if known,
/// the date to resume) and later resumes it. While paused the pair takes no new meetings; it may still be closed.
/// The rules live in <see cref="PauseRules"/>; the form carries the pair's xmin, so a save over a newer change fails.
/// </summary>
[Access(Role.OrgHead, Role.Curator, Entity = ScopedEntity.MentoringGroup)]
public class PauseModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public PauseForm Form { get; set; } = new();
    public MentoringGroup Group { get; private set; } = null!;
    public string Program { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Form = new PauseForm { RowVersion = Group.RowVersion };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        foreach (var e in PauseRules.CheckPause(Group.Status, Form.Reason ?? "", Form.ResumeOn, Today))
            ModelState.AddModelError(e.Field.Length == 0 ? "" : $"{nameof(Form)}.{e.Field}", e.Message);
        if (!ModelState.IsValid) return Page();

        Group.Status = GroupStatus.Paused;
        Group.PausedOn = Today;
        Group.PauseReason = Form.Reason!.Trim();
        Group.ResumeOn = Form.ResumeOn;
        if (!await SaveAsync()) return Page();
        TempData["Message"] = $"Работа пары приостановлена с {Today:dd.MM.yyyy}.";
        return RedirectToPage("Card", new { id });
    }

    public async Task<IActionResult> OnPostResumeAsync(long id)
    {
        // Resuming posts only the version: the pause fields' validation does not apply.
        ModelState.Clear();
        if (!await LoadAsync(id)) return NotFound();
        foreach (var e in PauseRules.CheckResume(Group.Status)) ModelState.AddModelError("", e.Message);
        if (!ModelState.IsValid) return Page();

        Group.Status = GroupStatus.Active;
        Group.PausedOn = null;
        Group.PauseReason = "";
        Group.ResumeOn = null;
        if (!await SaveAsync()) return Page();
        TempData["Message"] = "Работа пары возобновлена.";
        return RedirectToPage("Card", new { id });
    }

    private async Task<bool> SaveAsync()
    {
        db.Entry(Group).Property(g => g.RowVersion).OriginalValue = Form.RowVersion;
        if (await db.TrySaveAsync(ModelState)) return true;
        // Show the pair as it now is, not as this form wanted it.
        await db.Entry(Group).ReloadAsync();
        return false;
    }

    private async Task<bool> LoadAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var group = await db.MentoringGroups.InScope(scope).Include(g => g.Program).SingleOrDefaultAsync(g => g.Id == id);
        if (group is null) return false;
        Group = group;
        Program = group.Program.Name;
        return true;
    }

    private DateOnly Today => clock.MoscowToday();

    public sealed class PauseForm
    {
        [StringLength(PauseRules.MaxReason, ErrorMessage = "Причина приостановки — не длиннее 1000 символов")]
        public string? Reason { get; set; }
        public DateOnly? ResumeOn { get; set; }
        public uint RowVersion { get; set; }
    }
}
