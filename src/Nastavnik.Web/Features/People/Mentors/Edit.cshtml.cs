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
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.People.Mentors;

/// <summary>A person's mentor profile in one programme (a row of «база наставников»): resources and the selection record.</summary>
[Access(Role.OrgHead, Role.Curator, Entity = ScopedEntity.Person)]
public class EditModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    /// <summary>The seeded screening checklist (DOMAIN.md §5).</summary>
    public static readonly IReadOnlyDictionary<string, string> Screening = new Dictionary<string, string>
    {
        ["interview"] = "Собеседование",
        ["training"] = "Обучение пройдено",
        ["consent"] = "Согласие на обработку ПД",
        ["extra_duties"] = "Согласие на возложение доп. обязанностей",
        ["no_criminal_record"] = "Справка об отсутствии судимости",
    };

    [BindProperty] public ProfileForm Form { get; set; } = new();
    public string FullName { get; private set; } = "";
    public List<SelectListItem> Programs { get; private set; } = [];
    public List<SelectListItem> Topics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, long? programId)
    {
        var person = await FindAsync(id);
        if (person is null) return NotFound();
        Form.ProgramId = programId;
        if (programId is { } p && await db.MentorProfiles.AsNoTracking().SingleOrDefaultAsync(m => m.PersonId == id && m.ProgramId == p) is { } profile)
        {
            Form = ProfileForm.From(profile);
        }
        await db.AuditAsync(AuditAction.Read, nameof(Person), id.ToString(), person.RegionId, "форма анкеты наставника");
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
        if (Form.CompetencyTopicIds.Count == 0) ModelState.AddModelError("Form.CompetencyTopicIds", "Укажите хотя бы одну компетенцию наставника");
        else if (Form.CompetencyTopicIds.Any(t => !topicIds.Contains(t))) ModelState.AddModelError("Form.CompetencyTopicIds", "Выберите компетенции из списка");
        if (Form.DesiredAgeMin > Form.DesiredAgeMax) ModelState.AddModelError("Form.DesiredAgeMax", "Желаемый возраст: «до» меньше, чем «от»");
        if (Form.AllowedForms.Any(f => Domain.People.Forms.All.All(x => x.Code != f))) ModelState.AddModelError("Form.AllowedForms", "Выберите формы из списка");
        if (Form.ScreeningDone.Any(s => !Screening.ContainsKey(s))) ModelState.AddModelError("Form.ScreeningDone", "Выберите пункты из списка");
        if (!ModelState.IsValid) return Page();

        var profile = await db.MentorProfiles.SingleOrDefaultAsync(m => m.PersonId == id && m.ProgramId == program!.Id);
        var before = profile is null ? new Dictionary<string, string>() : Snapshot(profile, program!.Name);
        if (profile is null)
        {
            profile = new MentorProfile { PersonId = id, ProgramId = program!.Id, RegionId = person.RegionId, OrganizationId = person.OrganizationId };
            db.MentorProfiles.Add(profile);
        }
        Form.ApplyTo(profile);
        PersonHistory.Record(db, id, me.Id, before, Snapshot(profile, program!.Name), clock.GetUtcNow());
        if (!await db.TrySaveAsync(ModelState, _ => ("Form.ProgramId", "Профиль наставника в этой программе уже записан. Обновите страницу."))) return Page();
        TempData["Message"] = $"Профиль наставника {person.FullName} сохранён";
        return RedirectToPage("/People/Card", new { id });
    }

    private Dictionary<string, string> Snapshot(MentorProfile m, string program)
    {
        string Topic(long t) => Topics.FirstOrDefault(x => x.Value == t.ToString())?.Text ?? "";
        return new()
        {
            [$"Компетенции («{program}»)"] = string.Join(", ", m.CompetencyTopicIds.Select(Topic)),
            [$"Достижения («{program}»)"] = m.Achievements,
            [$"Интересы («{program}»)"] = m.Interests,
            [$"Желаемый возраст наставляемых («{program}»)"] = $"{m.DesiredAgeMin}–{m.DesiredAgeMax}",
            [$"Часов в месяц («{program}»)"] = m.HoursPerMonth?.ToString() ?? "",
            [$"Когда удобно на связь («{program}»)"] = m.Availability,
            [$"Наставляемых не больше («{program}»)"] = m.Capacity.ToString(),
            [$"Формы («{program}»)"] = string.Join(", ", m.AllowedForms.Select(Domain.People.Forms.NameOf)),
            [$"Собеседование («{program}»)"] = $"{PersonHistory.Date(m.InterviewDate)} {m.InterviewNotes}".Trim(),
            [$"Отбор («{program}»)"] = string.Join(", ", m.ScreeningDone.Select(s => Screening.GetValueOrDefault(s, s))),
            [$"Обучение («{program}»)"] = $"{m.TrainingCourse} {m.TrainingProvider} {m.TrainingHours} {PersonHistory.Date(m.TrainingCompletedOn)}".Trim(),
            [$"Статус наставника («{program}»)"] = m.Status.Title(),
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
        public List<long> CompetencyTopicIds { get; set; } = [];
        [StringLength(2000, ErrorMessage = "Достижения — не длиннее 2000 символов")] public string? Achievements { get; set; }
        [StringLength(2000, ErrorMessage = "Интересы — не длиннее 2000 символов")] public string? Interests { get; set; }
        [Range(5, 80, ErrorMessage = "Желаемый возраст «от» — от 5 до 80 лет")] public int? DesiredAgeMin { get; set; }
        [Range(5, 80, ErrorMessage = "Желаемый возраст «до» — от 5 до 80 лет")] public int? DesiredAgeMax { get; set; }
        [Range(0, 200, ErrorMessage = "Ресурс времени — от 0 до 200 часов в месяц")] public int? HoursPerMonth { get; set; }
        [StringLength(500, ErrorMessage = "Время для связи — не длиннее 500 символов")] public string? Availability { get; set; }
        [Range(1, 30, ErrorMessage = "Число наставляемых — от 1 до 30")] public int Capacity { get; set; } = 3;
        public List<string> AllowedForms { get; set; } = [];
        public DateOnly? InterviewDate { get; set; }
        [StringLength(4000, ErrorMessage = "Итоги собеседования — не длиннее 4000 символов")] public string? InterviewNotes { get; set; }
        public List<string> ScreeningDone { get; set; } = [];
        [StringLength(300, ErrorMessage = "Курс обучения — не длиннее 300 символов")] public string? TrainingCourse { get; set; }
        [StringLength(300, ErrorMessage = "Кто обучал — не длиннее 300 символов")] public string? TrainingProvider { get; set; }
        [Range(0, 9999, ErrorMessage = "Часы обучения — от 0 до 9999")] public decimal? TrainingHours { get; set; }
        public DateOnly? TrainingCompletedOn { get; set; }
        public ParticipationStatus Status { get; set; } = ParticipationStatus.Candidate;

        public static ProfileForm From(MentorProfile m) => new()
        {
            ProgramId = m.ProgramId, CompetencyTopicIds = [.. m.CompetencyTopicIds], Achievements = m.Achievements, Interests = m.Interests,
            DesiredAgeMin = m.DesiredAgeMin, DesiredAgeMax = m.DesiredAgeMax, HoursPerMonth = m.HoursPerMonth, Availability = m.Availability,
            Capacity = m.Capacity, AllowedForms = [.. m.AllowedForms], InterviewDate = m.InterviewDate, InterviewNotes = m.InterviewNotes,
            ScreeningDone = [.. m.ScreeningDone], TrainingCourse = m.TrainingCourse, TrainingProvider = m.TrainingProvider,
            TrainingHours = m.TrainingHours, TrainingCompletedOn = m.TrainingCompletedOn, Status = m.Status,
        };

        public void ApplyTo(MentorProfile m)
        {
            m.CompetencyTopicIds = [.. CompetencyTopicIds.Distinct()];
            m.Achievements = (Achievements ?? "").Trim();
            m.Interests = (Interests ?? "").Trim();
            (m.DesiredAgeMin, m.DesiredAgeMax, m.HoursPerMonth) = (DesiredAgeMin, DesiredAgeMax, HoursPerMonth);
            m.Availability = (Availability ?? "").Trim();
            m.Capacity = Capacity;
            m.AllowedForms = AllowedForms.Distinct().ToList();
            m.InterviewDate = InterviewDate;
            m.InterviewNotes = (InterviewNotes ?? "").Trim();
            m.ScreeningDone = ScreeningDone.Distinct().ToList();
            m.TrainingCourse = (TrainingCourse ?? "").Trim();
            m.TrainingProvider = (TrainingProvider ?? "").Trim();
            m.TrainingHours = TrainingHours;
            m.TrainingCompletedOn = TrainingCompletedOn;
            m.Status = Status;
        }
    }
}
