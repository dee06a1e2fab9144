using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Pairs.Closure;

/// <summary>
/// «Итоговое мероприятие» (the «групповая заключительная встреча» of DOMAIN.md §4): title, date, programme and the active
/// pairs it closes — each gets a planned closure on the event's date and the event's id; below, the past events with their pairs.
/// </summary>
[Access(Role.OrgHead, Role.Curator)]
public class FinalEventModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public sealed record PairOption(long Id, long OrganizationId, string Program, string Members, DateOnly StartDate);
    public sealed record PastEvent(long Id, string Title, DateOnly HeldOn, string Program, List<string> Pairs);

    public List<PairOption> Active { get; private set; } = [];
    public List<PastEvent> Past { get; private set; } = [];
    public List<(long Id, string Name)> Programs { get; private set; } = [];
    [BindProperty] public EventForm Form { get; set; } = new();

    public async Task OnGetAsync()
    {
        Form.HeldOn = Today();
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var scope = await me.GetScopeAsync();
        var groups = await db.MentoringGroups.InScope(scope).Include(g => g.Members)
            .Where(g => Form.GroupIds.Contains(g.Id) && g.Status == GroupStatus.Active).ToListAsync();
        if (Form.GroupIds.Count == 0) ModelState.AddModelError("Form.GroupIds", "Отметьте пары, которые завершает мероприятие");
        else if (groups.Count != Form.GroupIds.Distinct().Count()) ModelState.AddModelError("Form.GroupIds", "Отметьте действующие пары из списка");
        else if (groups.Select(g => g.OrganizationId).Distinct().Count() > 1)
            ModelState.AddModelError("Form.GroupIds", "Мероприятие завершает пары одной организации");
        if (Form.HeldOn is { } on)
        {
            if (on > Today()) ModelState.AddModelError("Form.HeldOn", "Дата мероприятия не может быть в будущем");
            else if (groups.Any(g => g.StartDate > on)) ModelState.AddModelError("Form.HeldOn", "Дата мероприятия раньше начала работы одной из пар");
        }
        long? programId = null;
        if (Form.ProgramId is { } pid && groups.Count > 0)
        {
            programId = await db.Programs.InScope(scope).Where(p => p.Id == pid && p.OrganizationId == groups[0].OrganizationId)
                .Select(p => (long?)p.Id).SingleOrDefaultAsync();
            if (programId is null) ModelState.AddModelError("Form.ProgramId", "Выберите программу наставничества из списка");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var heldOn = Form.HeldOn!.Value;
        var finalEvent = new FinalEvent
        {
            RegionId = groups[0].RegionId, OrganizationId = groups[0].OrganizationId, ProgramId = programId, Title = Form.Title.Trim(), HeldOn = heldOn,
        };
        db.FinalEvents.Add(finalEvent);
        var request = new ClosureRequest(ClosureKind.Planned, ClosureReason.GoalReached, "", $"Итоговое мероприятие «{finalEvent.Title}»", "", heldOn);
        foreach (var group in groups)
        {
            await PairClosing.CloseAsync(db, group, request, heldOn, rematch: false);
            group.FinalEvent = finalEvent;
        }
        await db.SaveChangesAsync();
        TempData["Message"] = $"Итоговое мероприятие сохранено; завершено: {RussianPlural.Format(groups.Count, "пара", "пары", "пар")}";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var scope = await me.GetScopeAsync();
        var organizations = scope.OrganizationIdsFor(Role.OrgHead, Role.Curator).ToArray();
        Active = (await db.MentoringGroups.InScope(scope).Where(g => g.Status == GroupStatus.Active)
                .OrderBy(g => g.StartDate).ThenBy(g => g.Id)
                .Select(g => new
                {
                    g.Id, g.OrganizationId, Program = g.Program.Name, g.StartDate,
                    Members = g.Members.OrderBy(m => m.Role).Select(m => new { m.Person.Status, m.Person.LastName, m.Person.FirstName, m.Person.MiddleName }).ToList(),
                }).ToListAsync())
            .Select(g => new PairOption(g.Id, g.OrganizationId, g.Program,
                string.Join(" — ", g.Members.Select(m => PersonData.Shown(m.Status, PeopleTerms.FullName(m.LastName, m.FirstName, m.MiddleName)))), g.StartDate)).ToList();
        Programs = (await db.Programs.InScope(scope).Where(p => organizations.Contains(p.OrganizationId)).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name }).ToListAsync()).Select(p => (p.Id, p.Name)).ToList();
        var events = await db.FinalEvents.Where(e => organizations.Contains(e.OrganizationId)).OrderByDescending(e => e.HeldOn).ThenByDescending(e => e.Id)
            .Select(e => new
            {
                e.Id, e.Title, e.HeldOn, Program = db.Programs.Where(p => p.Id == e.ProgramId).Select(p => p.Name).FirstOrDefault(),
                Pairs = e.Groups.OrderBy(g => g.Id).Select(g => g.Members.OrderBy(m => m.Role)
                    .Select(m => new { m.Person.Status, m.Person.LastName, m.Person.FirstName, m.Person.MiddleName }).ToList()).ToList(),
            }).Take(50).ToListAsync();
        Past = events.Select(e => new PastEvent(e.Id, e.Title, e.HeldOn, e.Program ?? "",
            e.Pairs.Select(p => string.Join(" — ", p.Select(m => PersonData.Shown(m.Status, PeopleTerms.FullName(m.LastName, m.FirstName, m.MiddleName))))).ToList())).ToList();
    }

    private DateOnly Today() => clock.MoscowToday();

    public sealed class EventForm
    {
        [Display(Name = "Название"), Required(ErrorMessage = "Укажите название мероприятия"), StringLength(300, ErrorMessage = "Название длиннее 300 символов")]
        public string Title { get; set; } = "";
        [Display(Name = "Дата"), Required(ErrorMessage = "Укажите дату мероприятия"), DataType(DataType.Date)]
        public DateOnly? HeldOn { get; set; }
        [Display(Name = "Программа наставничества")] public long? ProgramId { get; set; }
        public List<long> GroupIds { get; set; } = [];
    }
}
