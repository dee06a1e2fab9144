using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;
using TrainingEvent = Nastavnik.Data.Entities.Pairs.Training;

namespace Nastavnik.Web.Features.Training;

/// <summary>
/// Changes a training (<c>/Training/Edit?id=5</c>). Only the one who runs it edits it; any other training answers
/// 404. Without an id the page only points back to the list.
/// </summary>
[Access(Role.RegionAdmin, Role.MunicipalCoordinator, Role.OrgHead, Role.Curator)]
public class EditModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty] public TrainingForm Form { get; set; } = new();
    public long? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id)
    {
        if (id is null) return Page();
        var training = await FindAsync(id.Value);
        if (training is null) return NotFound();
        Id = id;
        Form = TrainingForm.From(training);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id)
    {
        if (id is null) return NotFound();
        var training = await FindAsync(id.Value);
        if (training is null) return NotFound();
        Id = id;
        Form.Check(ModelState);
        if (!ModelState.IsValid) return Page();
        Form.ApplyTo(training);
        db.Entry(training).Property(t => t.RowVersion).OriginalValue = Form.Version;
        if (!await db.TrySaveAsync(ModelState)) return Page();
        TempData["Message"] = $"Обучение «{training.Title}» сохранено";
        return RedirectToPage("Card", new { id });
    }

    private async Task<TrainingEvent?> FindAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var training = await db.Trainings.InScope(scope).SingleOrDefaultAsync(t => t.Id == id);
        return training is not null && scope.Runs(training) ? training : null;
    }
}
