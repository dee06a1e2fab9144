using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;
using TrainingEvent = Nastavnik.Data.Entities.Pairs.Training;

namespace Nastavnik.Web.Features.Training;

/// <summary>
/// A training and its participants (<c>/Training/Card?id=5</c>; a training out of scope answers 404).
/// Names are personal data (DOMAIN.md §2): whoever runs the training sees every participant; an org head or curator
/// sees their own organization's people; everyone else gets counts per organization. Each organization's head or
/// curator enrols their own mentors; attendance and completion are marked by the one who runs the training or by the
/// participant's organization. Completion updates the person's mentor profiles (<see cref="TrainingCompletion"/>).
/// </summary>
[Access(Role.RegionAdmin, Role.MunicipalCoordinator, Role.OrgHead, Role.Curator)]
public class CardModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public TrainingEvent? Training { get; private set; }
    public TrainingLevel Level { get; private set; }
    public string Host { get; private set; } = "";
    public bool Runs { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public List<OrganizationCount> Counts { get; private set; } = [];
    public List<SelectListItem> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long? id)
    {
        if (id is null) return Page();
        if (!await LoadAsync(id.Value)) return NotFound();
        if (Rows.Count > 0)
        {
            await db.AuditAsync(AuditAction.Read, "Training", id.Value.ToString(), Training!.RegionId,
                $"Участники обучения: {RussianPlural.Format(Rows.Count, "человек", "человека", "человек")}");
        }
        return Page();
    }

    /// <summary>The attendance list (the participants whose names the user sees) as .xlsx.</summary>
    public async Task<IActionResult> OnGetExportAsync(long? id)
    {
        if (id is null || !await LoadAsync(id.Value)) return NotFound();
        var rows = Rows.Select(r => (IReadOnlyList<string>)[r.Name, r.Organization, r.Attended ? "да" : "нет",
            r.CompletedOn?.ToString("dd.MM.yyyy") ?? ""]);
        var content = XlsxWriter.Write("Посещаемость", ["ФИО", "Организация", "Присутствовал(а)", "Дата завершения"], rows);
        var fileName = $"training-{id}-{clock.MoscowToday():yyyy-MM-dd}.xlsx";
        await db.AuditAsync(AuditAction.Export, "Training", id.Value.ToString(), Training!.RegionId,
            $"Посещаемость обучения «{Training.Title}»: {RussianPlural.Format(Rows.Count, "человек", "человека", "человек")} в файле {fileName}");
        return File(content, XlsxWriter.ContentType, fileName);
    }

    public async Task<IActionResult> OnPostEnrolAsync(long? id, long? personId)
    {
        if (id is null || !await LoadAsync(id.Value)) return NotFound();
        var candidate = personId is { } p ? await CandidatesQuery(await me.GetScopeAsync()).Where(x => x.Id == p)
            .Select(x => new { x.Id, x.OrganizationId, x.LastName, x.FirstName, x.MiddleName }).SingleOrDefaultAsync() : null;
        if (candidate is null)
        {
            ModelState.AddModelError("personId", "Выберите участника из списка");
            return Page();
        }
        db.TrainingParticipants.Add(new TrainingParticipant { TrainingId = id.Value, PersonId = candidate.Id, OrganizationId = candidate.OrganizationId });
        if (!await db.TrySaveAsync(ModelState, _ => ("personId", "Этот участник уже записан на обучение"))) return Page();
        TempData["Message"] = $"{PeopleTerms.FullName(candidate.LastName, candidate.FirstName, candidate.MiddleName)} записан(а) на обучение";
        return RedirectToPage("Card", new { id });
    }

    public async Task<IActionResult> OnPostMarkAsync(long? id, long? participantId, bool attended, DateOnly? completedOn)
    {
        if (id is null || !await LoadAsync(id.Value)) return NotFound();
        var row = Rows.FirstOrDefault(r => r.Id == participantId && r.CanMark);
        if (row is null) return NotFound();
        var today = clock.MoscowToday();
        if (completedOn is { } on && (on < Training!.StartsOn || on > today))
        {
            ModelState.AddModelError("completedOn", $"Дата завершения обучения ({row.Name}) — не раньше начала обучения и не позже сегодняшнего дня");
            return Page();
        }
        var participant = await db.TrainingParticipants.SingleAsync(x => x.Id == row.Id);
        // Completion implies attendance.
        participant.Attended = attended || completedOn is not null;
        if (participant.CompletedOn != completedOn)
        {
            await TrainingCompletion.ApplyAsync(db, participant.PersonId, participant.Id, completedOn);
            participant.CompletedOn = completedOn;
        }
        await db.SaveChangesAsync();
        TempData["Message"] = $"Отметка сохранена: {row.Name}";
        return RedirectToPage("Card", new { id });
    }

    /// <summary>Removes a participant enrolled by mistake; a completed training is withdrawn first (its date cleared).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(long? id, long? participantId)
    {
        if (id is null || !await LoadAsync(id.Value)) return NotFound();
        var row = Rows.FirstOrDefault(r => r.Id == participantId && r.CanMark);
        if (row is null) return NotFound();
        if (row.CompletedOn is not null)
        {
            ModelState.AddModelError("", $"{row.Name}: обучение завершено; чтобы отчислить, сначала очистите дату завершения");
            return Page();
        }
        db.TrainingParticipants.Remove(await db.TrainingParticipants.SingleAsync(p => p.Id == row.Id));
        await db.SaveChangesAsync();
        TempData["Message"] = $"{row.Name} отчислен(а) из обучения";
        return RedirectToPage("Card", new { id });
    }

    /// <summary>Loads the training in scope with what the user may see of it; false when it is out of scope.</summary>
    private async Task<bool> LoadAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        Training = await db.Trainings.AsNoTracking().InScope(scope).SingleOrDefaultAsync(t => t.Id == id);
        if (Training is null) return false;
        Level = TrainingRules.LevelOf(Training.MunicipalityId, Training.OrganizationId);
        Host = Level switch
        {
            TrainingLevel.Organization => await db.Organizations.Where(o => o.Id == Training.OrganizationId).Select(o => o.ShortName).SingleAsync(),
            TrainingLevel.Municipality => await db.Municipalities.Where(m => m.Id == Training.MunicipalityId).Select(m => m.Name).SingleAsync(),
            _ => await db.Regions.Where(r => r.Id == Training.RegionId).Select(r => r.Name).SingleAsync(),
        };
        Runs = scope.Runs(Training);
        var own = scope.OwnOrganizations().ToArray();
        var all = await db.TrainingParticipants.AsNoTracking().Where(p => p.TrainingId == id)
            .Select(p => new
            {
                p.Id, p.PersonId, p.OrganizationId, Organization = db.Organizations.Where(o => o.Id == p.OrganizationId).Select(o => o.ShortName).Single(),
                p.Person.LastName, p.Person.FirstName, p.Person.MiddleName, p.Person.Status, p.Attended, p.CompletedOn,
            })
            .ToListAsync();
        var runs = Runs;
        Rows = all.Where(p => runs || own.Contains(p.OrganizationId))
            // A withdrawn consent blocks the person's data (DOMAIN.md §9): the row stays, the name does not show.
            .Select(p => new Row(p.Id, PersonData.Shown(p.Status, PeopleTerms.FullName(p.LastName, p.FirstName, p.MiddleName)), p.Organization,
                p.Attended, p.CompletedOn, CanMark: true))
            .OrderBy(r => r.Organization, StringComparer.CurrentCulture).ThenBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.Id)
            .ToList();
        Counts = all.Where(p => !runs && !own.Contains(p.OrganizationId))
            .GroupBy(p => p.Organization)
            .Select(g => new OrganizationCount(g.Key, g.Count(), g.Count(p => p.Attended), g.Count(p => p.CompletedOn != null)))
            .OrderBy(c => c.Organization, StringComparer.CurrentCulture)
            .ToList();
        Candidates = (await CandidatesQuery(scope)
                .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.MiddleName).ThenBy(p => p.Id)
                .Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName, Organization = p.Organization.ShortName })
                .Take(1000).ToListAsync())
            .Select(p => new SelectListItem($"{PeopleTerms.FullName(p.LastName, p.FirstName, p.MiddleName)} ({p.Organization})", p.Id.ToString()))
            .ToList();
        return true;
    }

    /// <summary>
    /// Mentors the user may enrol: people of their own organizations (Person scope) with a mentor profile, within the
    /// training's reach (its organization, its municipality's or its region's organizations), not yet enrolled.
    /// </summary>
    private IQueryable<Nastavnik.Data.Entities.People.Person> CandidatesQuery(Scope scope)
    {
        var t = Training!;
        var query = db.People.AsNoTracking().InScope(scope).Listed()
            .Where(p => db.MentorProfiles.Any(m => m.PersonId == p.Id))
            .Where(p => !db.TrainingParticipants.Any(x => x.TrainingId == t.Id && x.PersonId == p.Id));
        return Level switch
        {
            TrainingLevel.Organization => query.Where(p => p.OrganizationId == t.OrganizationId),
            TrainingLevel.Municipality => query.Where(p => p.Organization.MunicipalityId == t.MunicipalityId),
            _ => query.Where(p => p.RegionId == t.RegionId),
        };
    }

    public sealed record Row(long Id, string Name, string Organization, bool Attended, DateOnly? CompletedOn, bool CanMark);

    public sealed record OrganizationCount(string Organization, int Enrolled, int Attended, int Completed);
}
