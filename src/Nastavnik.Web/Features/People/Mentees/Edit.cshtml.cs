using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.People.Mentees;

/// <summary>A person's request as mentee in one programme (a row of «база наставляемых»): added or changed, with history.</summary>
[Access(Role.OrgHead, Role.Curator, Entity = ScopedEntity.Person)]
public class EditModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public ProfileForm Form { get; set; } = new();
    public string FullName { get; private set; } = "";
    public List<SelectListItem> Programs { get; private set; } = [];
    public List<SelectListItem> Topics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, long? programId)
    {
        var person = await FindAsync(id);
        if (person is null) return NotFound();
        Form.ProgramId = programId;
        Form.EntryDate = clock.MoscowToday();
        if (programId is { } p && await db.MenteeProfiles.AsNoTracking().SingleOrDefaultAsync(m => m.PersonId == id && m.ProgramId == p) is { } profile)
        {
            Form = ProfileForm.From(profile);
        }
        await db.AuditAsync(AuditAction.Read, nameof(Person), id.ToString(), person.RegionId, "форма анкеты наставляемого");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var person = await FindAsync(id);
        if (person is null) return NotFound();
        var program = Form.ProgramId is { } programId && Programs.Any(p => p.Value == programId.ToString())
            ? await db.Programs.SingleAsync(p => p.Id == programId)
            : null;
        if (Form.ProgramId is not null && program is null) ModelState.AddModelError("Form.ProgramId", "Выберите программу из списка");
        var topicIds = Topics.Select(t => long.Parse(t.Value)).ToHashSet();
        if (Form.KeyTopicId is { } key && !topicIds.Contains(key)) ModelState.AddModelError("Form.KeyTopicId", "Выберите ключевой запрос из списка");
        var extra = Form.ExtraTopicIds.Where(t => t != Form.KeyTopicId).Distinct().ToList();
        if (extra.Count > 3) ModelState.AddModelError("Form.ExtraTopicIds", "Дополнительных запросов — не больше трёх");
        if (extra.Any(t => !topicIds.Contains(t))) ModelState.AddModelError("Form.ExtraTopicIds", "Выберите запросы из списка");
        if (!ModelState.IsValid) return Page();

        var profile = await db.MenteeProfiles.SingleOrDefaultAsync(m => m.PersonId == id && m.ProgramId == program!.Id);
        var before = profile is null ? new Dictionary<string, string>() : Snapshot(profile, program!.Name);
        if (profile is null)
        {
            profile = new MenteeProfile { PersonId = id, ProgramId = program!.Id, RegionId = person.RegionId, OrganizationId = person.OrganizationId };
            db.MenteeProfiles.Add(profile);
        }
        profile.KeyTopicId = Form.KeyTopicId;
        profile.ExtraTopicIds = [.. extra];
        profile.RequestText = (Form.RequestText ?? "").Trim();
        profile.Source = Form.Source!.Value;
        profile.EntryDate = Form.EntryDate!.Value;
        profile.Status = Form.Status;
        PersonHistory.Record(db, id, me.Id, before, Snapshot(profile, program!.Name), clock.GetUtcNow());
        if (!await db.TrySaveAsync(ModelState, _ => ("Form.ProgramId", "Запрос в этой программе уже записан. Обновите страницу."))) return Page();
        TempData["Message"] = $"Запрос наставляемого {person.FullName} сохранён";
        return RedirectToPage("/People/Card", new { id });
    }

    private Dictionary<string, string> Snapshot(MenteeProfile m, string program)
    {
        string Topic(long? t) => Topics.FirstOrDefault(x => x.Value == t?.ToString())?.Text ?? "";
        return new()
        {
            [$"Ключевой запрос («{program}»)"] = Topic(m.KeyTopicId),
            [$"Дополнительные запросы («{program}»)"] = string.Join(", ", m.ExtraTopicIds.Select(t => Topic(t))),
            [$"Текст запроса («{program}»)"] = m.RequestText,
            [$"Источник запроса («{program}»)"] = m.Source.Title(),
            [$"Дата вхождения («{program}»)"] = PersonHistory.Date(m.EntryDate),
            [$"Статус наставляемого («{program}»)"] = m.Status.Title(),
        };
    }

    private async Task<Person?> FindAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var person = await db.People.InScope(scope).Listed().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id);
        if (person is null) return null;
        FullName = person.FullName;
        Programs = await db.Programs.AsNoTracking().Where(p => p.OrganizationId == person.OrganizationId)
            .OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Id).Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync();
        Topics = await PeopleOptions.TopicsAsync(db, scope);
        return person;
    }

    public sealed class ProfileForm
    {
        [Required(ErrorMessage = "Выберите программу")] public long? ProgramId { get; set; }
        [Required(ErrorMessage = "Укажите ключевой запрос")] public long? KeyTopicId { get; set; }
        public List<long> ExtraTopicIds { get; set; } = [];
        [StringLength(2000, ErrorMessage = "Текст запроса — не длиннее 2000 символов")] public string? RequestText { get; set; }
        [Required(ErrorMessage = "Укажите источник запроса")] public RequestSource? Source { get; set; }
        [Required(ErrorMessage = "Укажите дату вхождения в программу")] public DateOnly? EntryDate { get; set; }
        public ParticipationStatus Status { get; set; } = ParticipationStatus.Candidate;

        public static ProfileForm From(MenteeProfile m) => new()
        {
            ProgramId = m.ProgramId, KeyTopicId = m.KeyTopicId, ExtraTopicIds = [.. m.ExtraTopicIds], RequestText = m.RequestText,
            Source = m.Source, EntryDate = m.EntryDate, Status = m.Status,
        };
    }
}
