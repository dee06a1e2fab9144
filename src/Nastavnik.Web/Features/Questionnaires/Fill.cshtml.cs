using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Questionnaires;

/// <summary>
/// The curator (or the head) enters a paper questionnaire for a person of their organization: choose the instrument
/// and the programme, answer, save — a response marked «с бумаги» with who entered it; answers that fill profile
/// fields update the person's mentee or mentor profile of that programme.
/// </summary>
[Access(Role.OrgHead, Role.Curator, Entity = ScopedEntity.Person)]
public class FillModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public Person Person { get; private set; } = null!;
    public List<SelectListItem> Instruments { get; private set; } = [];
    public List<SelectListItem> Programs { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public long? InstrumentId { get; set; }
    [BindProperty(SupportsGet = true)] public long? ProgramId { get; set; }
    public AnswersView? Answers { get; private set; }
    /// <summary>Why this person's questionnaire may not be entered (no consent to processing), or null.</summary>
    public string? Blocked { get; private set; }
    public List<(string Instrument, DateTimeOffset At, bool FromPaper)> Earlier { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        await db.AuditAsync(AuditAction.Read, nameof(Person), id.ToString(), Person.RegionId);
        if (InstrumentId is { } iid && await QuestionnaireFiller.LoadAsync(db, Person.RegionId, iid) is { } instrument)
            Answers = new AnswersView(instrument, new Dictionary<long, IReadOnlyList<string>>(), new Dictionary<long, string>());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Blocked is not null) return Page();
        var instrument = InstrumentId is { } iid ? await QuestionnaireFiller.LoadAsync(db, Person.RegionId, iid) : null;
        if (instrument is null)
        {
            ModelState.AddModelError(nameof(InstrumentId), "Выберите анкету.");
            return Page();
        }
        var raw = QuestionnaireFiller.ReadForm(instrument, Request.Form);
        MentoringProgram? program = null;
        if (ProgramId is { } pid)
        {
            var scope = await me.GetScopeAsync();
            program = await db.Programs.InScope(scope).SingleOrDefaultAsync(p => p.Id == pid && p.OrganizationId == Person.OrganizationId);
            if (program is null) ModelState.AddModelError(nameof(ProgramId), "Выберите программу наставничества из списка.");
        }
        else if (QuestionnaireFiller.FillsProfile(instrument))
        {
            ModelState.AddModelError(nameof(ProgramId), "Выберите программу наставничества: ответы анкеты заполняют профиль участника в ней.");
        }
        var errors = ModelState.IsValid
            ? await QuestionnaireFiller.SaveAsync(db, Person, instrument, program, raw, me.Id, fromPaper: true,
                clock.MoscowToday())
            : [];
        if (!ModelState.IsValid || errors.Count > 0)
        {
            foreach (var e in errors) ModelState.AddModelError(QuestionnaireFiller.FieldName(e.ItemId), e.Message);
            Answers = new AnswersView(instrument, raw, errors.ToDictionary(e => e.ItemId, e => e.Message));
            return Page();
        }
        TempData["Message"] = $"Анкета «{instrument.Name}» сохранена для: {Person.FullName}.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var person = await db.People.InScope(scope).Listed().SingleOrDefaultAsync(p => p.Id == id);
        if (person is null) return false;
        Person = person;
        // Until the consent rules exist: only a person whose consent is in force may be processed.
        if (person.Status != PersonStatus.Active)
            Blocked = "Нет действующего согласия на обработку персональных данных: анкету этого человека вносить нельзя.";
        Instruments = await QuestionnaireFiller.Available(db, person.RegionId).OrderBy(i => i.Name).ThenBy(i => i.Version)
            .Select(i => new SelectListItem($"{i.Name} (версия {i.Version})", i.Id.ToString(), i.Id == InstrumentId)).ToListAsync();
        Programs = await db.Programs.InScope(scope).Where(p => p.OrganizationId == person.OrganizationId)
            .OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Name)
            .Select(p => new SelectListItem(p.Name, p.Id.ToString(), p.Id == ProgramId)).ToListAsync();
        var earlier = await db.Responses.Where(r => r.PersonId == id).OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Take(50)
            .Select(r => new { r.Instrument.Name, r.SubmittedAt, r.FromPaper }).ToListAsync();
        Earlier = earlier.Select(e => (e.Name, e.SubmittedAt, e.FromPaper)).ToList();
        return true;
    }
}
