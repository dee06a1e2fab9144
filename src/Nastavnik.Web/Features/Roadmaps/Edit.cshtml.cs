using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>
/// The header of a draft roadmap: title, period, basis. Anyone who sees the roadmap may open the page; the form is
/// there only for its own node's users while it is a draft (or returned). A new period reschedules every item.
/// </summary>
[Access(Role.SystemAdmin, Role.RegionAdmin, Role.MunicipalCoordinator, Role.OrgHead, Role.Curator, Entity = ScopedEntity.Roadmap)]
public class EditModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty] public HeaderForm Form { get; set; } = new();
    public string CurrentTitle { get; private set; } = "";
    /// <summary>Why the user may not change the header now, or null when they may.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var roadmap = await db.Roadmaps.AsNoTracking().InScope(scope).SingleOrDefaultAsync(r => r.Id == id);
        if (roadmap is null) return NotFound();
        CurrentTitle = roadmap.Title;
        Refusal = RefusalFor(scope, roadmap);
        Form = new HeaderForm
        {
            Title = roadmap.Title, PeriodStart = roadmap.PeriodStart, PeriodEnd = roadmap.PeriodEnd, Basis = roadmap.Basis,
            Version = roadmap.RowVersion,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var roadmap = await db.Roadmaps.InScope(scope).Include(r => r.Items).ThenInclude(i => i.Occurrences)
            .AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id);
        if (roadmap is null) return NotFound();
        if (!RoadmapWorkflow.Permits(scope, RoadmapCopies.NodeOf(roadmap), RoadmapAction.Edit)) return Forbid();
        CurrentTitle = roadmap.Title;
        Refusal = RefusalFor(scope, roadmap);
        if (Refusal is not null) return Page();
        if (Form.PeriodStart > Form.PeriodEnd) ModelState.AddModelError("Form.PeriodEnd", "Окончание периода раньше его начала");
        if (!ModelState.IsValid) return Page();

        var periodChanged = roadmap.PeriodStart != Form.PeriodStart || roadmap.PeriodEnd != Form.PeriodEnd;
        roadmap.Title = Form.Title!.Trim();
        roadmap.Basis = Form.Basis?.Trim() ?? "";
        if (periodChanged)
        {
            // Deadlines are read inside the period («ежегодно», «в течение периода»): every item is rescheduled,
            // which would throw away execution records, so a plan with any is left as it is.
            if (await db.RoadmapOccurrences.Where(o => o.RoadmapId == id).AnyAsync(RoadmapSchedules.IsFilled))
            {
                ModelState.AddModelError("Form.PeriodStart", "По дорожной карте уже есть отметки об исполнении: период изменить нельзя");
                return Page();
            }
            roadmap.PeriodStart = Form.PeriodStart!.Value;
            roadmap.PeriodEnd = Form.PeriodEnd!.Value;
            var organizations = await RoadmapSchedules.OrganizationsAsync(db, roadmap);
            foreach (var item in roadmap.Items)
            {
                var schedule = RoadmapSchedules.ScheduleOf(item, roadmap.Period);
                RoadmapSchedules.ApplyKind(item, schedule);
                RoadmapSchedules.Rebuild(db, roadmap, item, schedule, organizations);
            }
        }
        db.Entry(roadmap).Property(r => r.RowVersion).OriginalValue = Form.Version;
        if (!await db.TrySaveAsync(ModelState)) return Page();
        TempData["Message"] = periodChanged ? "Дорожная карта сохранена, сроки пунктов пересчитаны под новый период" : "Дорожная карта сохранена";
        return RedirectToPage("Card", new { id });
    }

    private static string? RefusalFor(Scope scope, Roadmap roadmap)
    {
        if (!RoadmapWorkflow.Permits(scope, RoadmapCopies.NodeOf(roadmap), RoadmapAction.Edit))
        {
            return "Изменять дорожную карту могут только пользователи её узла.";
        }
        return RoadmapWorkflow.IsEditable(roadmap.Status)
            ? null
            : $"Дорожная карта в статусе «{roadmap.Status.Title()}» не изменяется. Изменения после утверждения — через новую версию.";
    }

    public sealed class HeaderForm
    {
        public uint Version { get; set; }
        [Required(ErrorMessage = "Укажите название дорожной карты"), StringLength(1000, ErrorMessage = "Название — не длиннее 1000 символов")]
        public string? Title { get; set; }
        [Required(ErrorMessage = "Укажите начало периода")] public DateOnly? PeriodStart { get; set; }
        [Required(ErrorMessage = "Укажите окончание периода")] public DateOnly? PeriodEnd { get; set; }
        [StringLength(1000, ErrorMessage = "Основание — не длиннее 1000 символов")] public string? Basis { get; set; }
    }
}
