using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.Roadmaps;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>
/// One item of a draft roadmap: its text, deadline and parties. The deadline is re-read by the parser on save; an
/// unrecognized one gets dates set by hand (kept as the item's start/end columns, so the schedule can always be
/// rebuilt from the item itself). A changed schedule rebuilds the item's occurrences — never over filled-in
/// execution records. Anyone who sees the roadmap may open the page; the form is for its own node's users while
/// the roadmap is a draft or returned.
/// </summary>
[Access(Role.SystemAdmin, Role.RegionAdmin, Role.MunicipalCoordinator, Role.OrgHead, Role.Curator, Entity = ScopedEntity.RoadmapItem)]
public class EditItemModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty] public ItemForm Form { get; set; } = new();
    public Context Info { get; private set; } = null!;
    /// <summary>Why the user may not change the item now, or null when they may.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var item = await FindAsync(id, scope, tracked: false);
        if (item is null) return NotFound();
        Describe(scope, item);
        var manual = ManualDates(item);
        Form = new ItemForm
        {
            Number = item.Number, Title = item.Title, DeadlineText = item.DeadlineText, StartDate = manual?.Start, DueDate = manual?.Due,
            Responsible = item.Responsible, ResponsibleRegional = item.ResponsibleRegional, ResponsibleMunicipal = item.ResponsibleMunicipal,
            ResponsibleOrganization = item.ResponsibleOrganization, Result = item.Result, Stage = item.Stage, FanOut = item.FanOut,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var item = await FindAsync(id, scope, tracked: true);
        if (item is null) return NotFound();
        var roadmap = item.Roadmap;
        if (!RoadmapWorkflow.Permits(scope, RoadmapCopies.NodeOf(roadmap), RoadmapAction.Edit)) return Forbid();
        Describe(scope, item);
        if (Refusal is not null) return Page();
        CheckDates(roadmap.Period);
        if (!ModelState.IsValid) return Page();

        var manual = ManualDates(item);
        var (startText, endText) = Form.DueDate is { } due
            ? (Form.StartDate?.ToString(RoadmapSchedules.DateFormat) ?? "", due.ToString(RoadmapSchedules.DateFormat))
            // Emptied date fields drop hand-set dates; columns as written in the document stay.
            : manual is not null ? ("", "") : (item.StartText, item.EndText);
        var deadlineText = Form.DeadlineText?.Trim() ?? "";
        var fanOut = roadmap.Level != RoadmapLevel.Organization && Form.FanOut;
        var rescheduled = deadlineText != item.DeadlineText || startText != item.StartText || endText != item.EndText || fanOut != item.FanOut;

        item.Number = Form.Number?.Trim() ?? "";
        item.Title = Form.Title!.Trim();
        item.Responsible = Form.Responsible?.Trim() ?? "";
        item.ResponsibleRegional = Blank(Form.ResponsibleRegional);
        item.ResponsibleMunicipal = Blank(Form.ResponsibleMunicipal);
        item.ResponsibleOrganization = Blank(Form.ResponsibleOrganization);
        item.Result = Form.Result?.Trim() ?? "";
        item.Stage = Form.Stage;
        var schedule = (DeadlineSchedule?)null;
        if (rescheduled)
        {
            if (item.Occurrences.AsQueryable().Any(RoadmapSchedules.IsFilled))
            {
                ModelState.AddModelError("Form.DeadlineText", "По пункту уже есть отметки об исполнении: срок и охват изменить нельзя");
                return Page();
            }
            (item.DeadlineText, item.StartText, item.EndText, item.FanOut) = (deadlineText, startText, endText, fanOut);
            schedule = RoadmapSchedules.ScheduleOf(item, roadmap.Period);
            RoadmapSchedules.ApplyKind(item, schedule);
            RoadmapSchedules.Rebuild(db, roadmap, item, schedule, await RoadmapSchedules.OrganizationsAsync(db, roadmap));
        }
        await db.SaveChangesAsync();
        TempData["Message"] = item.DeadlineKind == DeadlineKind.Unrecognized
            ? $"Пункт {item.Number} сохранён, но срок не распознан: укажите даты вручную"
            : $"Пункт {item.Number} сохранён";
        return Redirect(Url.Page("Card", new { id = roadmap.Id }) + $"#item-{item.Id}");
    }

    private async Task<RoadmapItem?> FindAsync(long id, Scope scope, bool tracked)
    {
        var roadmaps = db.Roadmaps.InScope(scope);
        var query = db.RoadmapItems.Where(i => i.Id == id && roadmaps.Any(r => r.Id == i.RoadmapId))
            .Include(i => i.Roadmap).Include(i => i.Occurrences).ThenInclude(o => o.Evidence).AsSplitQuery();
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync();
    }

    private void Describe(Scope scope, RoadmapItem item)
    {
        var r = item.Roadmap;
        Info = new Context(r.Id, r.Title, r.Level, r.PeriodStart, r.PeriodEnd, r.Status, item.Number, item.Title, item.DeadlineKind,
            ManualDates(item) is null ? item.StartText : "", ManualDates(item) is null ? item.EndText : "");
        if (!RoadmapWorkflow.Permits(scope, RoadmapCopies.NodeOf(r), RoadmapAction.Edit))
        {
            Refusal = "Изменять пункты могут только пользователи узла, которому принадлежит дорожная карта.";
        }
        else if (!RoadmapWorkflow.IsEditable(r.Status))
        {
            Refusal = $"Дорожная карта в статусе «{r.Status.Title()}»: пункты меняются только в черновике или после возврата на доработку.";
        }
    }

    private void CheckDates(Period period)
    {
        if (Form.StartDate is not null && Form.DueDate is null)
        {
            ModelState.AddModelError("Form.DueDate", "Укажите дату окончания (срок исполнения)");
        }
        if (Form.DueDate is not { } due) return;
        if (Form.StartDate is { } start && start > due)
        {
            ModelState.AddModelError("Form.StartDate", "Дата начала позже даты окончания");
        }
        if (!period.Contains(due) || (Form.StartDate is { } s && !period.Contains(s)))
        {
            ModelState.AddModelError("Form.DueDate",
                $"Даты должны лежать в периоде дорожной карты ({RoadmapSchedules.PeriodText(period.Start, period.End)})");
        }
    }

    /// <summary>Dates a person set for the item (start/end columns holding exact dates), or null.</summary>
    private static (DateOnly? Start, DateOnly Due)? ManualDates(RoadmapItem item)
    {
        if (!RoadmapSchedules.TryParseDate(item.EndText, out var due)) return null;
        if (item.StartText.Trim().Length == 0) return (null, due);
        return RoadmapSchedules.TryParseDate(item.StartText, out var start) ? (start, due) : null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public sealed record Context(long RoadmapId, string RoadmapTitle, RoadmapLevel Level, DateOnly PeriodStart, DateOnly PeriodEnd,
        RoadmapStatus Status, string Number, string Title, DeadlineKind Kind, string DocumentStart, string DocumentEnd);

    public sealed class ItemForm
    {
        [StringLength(30, ErrorMessage = "Номер пункта — не длиннее 30 символов")] public string? Number { get; set; }
        [Required(ErrorMessage = "Укажите наименование мероприятия"), StringLength(4000, ErrorMessage = "Наименование мероприятия — не длиннее 4000 символов")]
        public string? Title { get; set; }
        [StringLength(1000, ErrorMessage = "Срок — не длиннее 1000 символов")] public string? DeadlineText { get; set; }
        public DateOnly? StartDate { get; set; }
        public DateOnly? DueDate { get; set; }
        [StringLength(2000, ErrorMessage = "Ответственный — не длиннее 2000 символов")] public string? Responsible { get; set; }
        [StringLength(2000, ErrorMessage = "Региональные ответственные — не длиннее 2000 символов")] public string? ResponsibleRegional { get; set; }
        [StringLength(2000, ErrorMessage = "Муниципальные ответственные — не длиннее 2000 символов")] public string? ResponsibleMunicipal { get; set; }
        [StringLength(2000, ErrorMessage = "Ответственные в организациях — не длиннее 2000 символов")] public string? ResponsibleOrganization { get; set; }
        [StringLength(2000, ErrorMessage = "Результат — не длиннее 2000 символов")] public string? Result { get; set; }
        [Range(1, 7, ErrorMessage = "Этап — число от 1 до 7")] public int? Stage { get; set; }
        public bool FanOut { get; set; }
    }
}
