using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Questionnaires;

/// <summary>
/// Self-service: a mentor, mentee or parent whose account is linked to their person record sees the questionnaires of
/// their role and fills them for themselves. Only their own responses are shown; nobody else's answers ever are.
/// </summary>
[Access]
public class MyModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public sealed record InstrumentRow(long Id, string Name, InstrumentMoment Moment, DateTimeOffset? LastAt);

    public Person? Person { get; private set; }
    /// <summary>Why the page has nothing to fill (no linked person, consent not in force), or null.</summary>
    public string? Explanation { get; private set; }
    public List<InstrumentRow> Instruments { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public long? InstrumentId { get; set; }
    public AnswersView? Answers { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() && InstrumentId is { } iid)
        {
            var instrument = await LoadInstrumentAsync(iid);
            if (instrument is null) return NotFound();
            Answers = new AnswersView(instrument, new Dictionary<long, IReadOnlyList<string>>(), new Dictionary<long, string>());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return Page();
        var instrument = InstrumentId is { } iid ? await LoadInstrumentAsync(iid) : null;
        if (instrument is null) return NotFound();
        var raw = QuestionnaireFiller.ReadForm(instrument, Request.Form);
        var program = await ProgramForAsync(instrument);
        var errors = await QuestionnaireFiller.SaveAsync(db, Person!, instrument, program, raw, me.Id, fromPaper: false,
            clock.MoscowToday());
        if (errors.Count > 0)
        {
            foreach (var e in errors) ModelState.AddModelError(QuestionnaireFiller.FieldName(e.ItemId), e.Message);
            Answers = new AnswersView(instrument, raw, errors.ToDictionary(e => e.ItemId, e => e.Message));
            return Page();
        }
        TempData["Message"] = $"Спасибо! Анкета «{instrument.Name}» сохранена.";
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync()
    {
        var personId = await db.Users.Where(u => u.Id == me.Id).Select(u => u.PersonId).SingleOrDefaultAsync();
        if (personId is null)
        {
            Explanation = "Ваша учётная запись не связана с карточкой участника программы наставничества. Обратитесь к куратору программы вашей организации.";
            return false;
        }
        Person = await db.People.Listed().SingleOrDefaultAsync(p => p.Id == personId);
        if (Person is null || Person.Status != PersonStatus.Active)
        {
            Explanation = "Анкеты недоступны: нет действующего согласия на обработку персональных данных. Обратитесь к куратору программы.";
            Person = null;
            return false;
        }
        var respondents = await RespondentsAsync();
        var last = await db.Responses.Where(r => r.PersonId == Person.Id)
            .GroupBy(r => r.InstrumentId).Select(g => new { g.Key, At = g.Max(r => r.SubmittedAt) }).ToDictionaryAsync(x => x.Key, x => x.At);
        var instruments = await QuestionnaireFiller.Available(db, Person.RegionId).Where(i => respondents.Contains(i.Respondent))
            .OrderBy(i => i.Moment).ThenBy(i => i.Name).ThenBy(i => i.Id).Select(i => new { i.Id, i.Name, i.Moment }).ToListAsync();
        Instruments = instruments.Select(i => new InstrumentRow(i.Id, i.Name, i.Moment, last.TryGetValue(i.Id, out var at) ? at : null)).ToList();
        if (Instruments.Count == 0) Explanation = "Для вашей роли анкет пока нет.";
        return true;
    }

    private async Task<List<InstrumentRespondent>> RespondentsAsync()
    {
        var scope = await me.GetScopeAsync();
        var list = new List<InstrumentRespondent>();
        if (scope.Has(Role.Mentee)) list.Add(InstrumentRespondent.Mentee);
        if (scope.Has(Role.Mentor)) list.Add(InstrumentRespondent.Mentor);
        if (scope.Has(Role.LegalRepresentative)) list.Add(InstrumentRespondent.Parent);
        return list;
    }

    private async Task<Instrument?> LoadInstrumentAsync(long id) =>
        Instruments.Any(i => i.Id == id) ? await QuestionnaireFiller.LoadAsync(db, Person!.RegionId, id) : null;

    /// <summary>The programme whose profile the answers fill: the person's existing profile's, else the organization's latest of the family.</summary>
    private async Task<MentoringProgram?> ProgramForAsync(Instrument instrument)
    {
        if (!QuestionnaireFiller.FillsProfile(instrument)) return null;
        var person = Person!;
        var profileProgram = instrument.Respondent == InstrumentRespondent.Mentee
            ? await db.MenteeProfiles.Where(p => p.PersonId == person.Id && p.Program.Family == instrument.Family)
                .OrderByDescending(p => p.Program.PeriodStart).Select(p => (long?)p.ProgramId).FirstOrDefaultAsync()
            : await db.MentorProfiles.Where(p => p.PersonId == person.Id && p.Program.Family == instrument.Family)
                .OrderByDescending(p => p.Program.PeriodStart).Select(p => (long?)p.ProgramId).FirstOrDefaultAsync();
        var q = db.Programs.Where(p => p.OrganizationId == person.OrganizationId);
        return profileProgram is { } id
            ? await q.SingleOrDefaultAsync(p => p.Id == id)
            : await q.Where(p => p.Family == instrument.Family).OrderByDescending(p => p.PeriodStart).ThenByDescending(p => p.Id).FirstOrDefaultAsync();
    }
}
