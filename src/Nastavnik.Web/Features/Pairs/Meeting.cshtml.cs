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

namespace Nastavnik.Web.Features.Pairs;

/// <summary>
/// «Записать встречу» of a pair or group (the id is the group's): a phone-sized form with the next step of the sequence,
/// today's date and 45 minutes preselected. The rules live in <see cref="MeetingRules"/>; staff and the pair's mentor record.
/// </summary>
[Access(Role.OrgHead, Role.Curator, Role.Mentor, Entity = ScopedEntity.MentoringGroup)]
public class MeetingModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public MeetingForm Form { get; set; } = new();
    public PairInfo Pair { get; private set; } = null!;
    public MeetingType? Next { get; private set; }
    public IReadOnlyList<MeetingType> Skipped { get; private set; } = [];
    public string? ClosedMessage { get; private set; }
    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Form = new MeetingForm { Type = Next ?? MeetingType.Regular, HeldOn = Today, DurationMinutes = 45 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!CanRecord) return NotFound();
        var held = await db.Meetings.Where(m => m.GroupId == id).Select(m => m.Type).ToListAsync();
        if (Form.Minutes is null) ModelState.AddModelError($"{nameof(Form)}.{nameof(MeetingForm.DurationMinutes)}", "Укажите продолжительность встречи");
        if (ModelState.IsValid)
        {
            var facts = new MeetingFacts(Form.Type, Form.HeldOn!.Value, Form.Minutes!.Value, Form.SkipReason ?? "",
                Form.Type == MeetingType.Trial ? Form.Outcome : MeetingOutcome.None);
            foreach (var error in MeetingRules.Check(facts, Today, Pair.StartDate, Pair.Status, held))
            {
                ModelState.AddModelError(error.Field.Length > 0 ? $"{nameof(Form)}.{error.Field}" : "", error.Message);
            }
        }
        Skipped = MeetingSequence.Skipped(held, Form.Type);
        if (!ModelState.IsValid) return Page();

        var attendees = Pair.IsGroup
            ? Form.Attendees.Where(a => Pair.Members.Any(m => m.PersonId == a)).Distinct().ToArray()
            : Pair.Members.Select(m => m.PersonId).ToArray();
        db.Meetings.Add(new Meeting
        {
            GroupId = id, RegionId = Pair.RegionId, OrganizationId = Pair.OrganizationId, Type = Form.Type, HeldOn = Form.HeldOn!.Value,
            DurationMinutes = Form.Minutes!.Value, Format = Form.Format, Place = (Form.Place ?? "").Trim(), Topic = (Form.Topic ?? "").Trim(),
            Result = (Form.Result ?? "").Trim(), NextStep = (Form.NextStep ?? "").Trim(), NextDate = Form.NextDate,
            Outcome = Form.Type == MeetingType.Trial ? Form.Outcome : MeetingOutcome.None,
            SkipReason = Skipped.Count > 0 ? (Form.SkipReason ?? "").Trim() : "", AttendeePersonIds = attendees, RecordedByUserId = me.Id,
        });
        await db.SaveChangesAsync();
        TempData["Message"] = $"{Form.Type.Title()} {Form.HeldOn:dd.MM.yyyy} записана.";
        return RedirectToPage("Card", new { id });
    }

    private DateOnly Today => DateOnly.FromDateTime(MoscowTime.From(clock.GetUtcNow()));

    private async Task<bool> LoadAsync(long id)
    {
        var access = await PairAccess.ForAsync(db, me);
        var pair = await access.Groups(db.MentoringGroups.AsNoTracking()).Where(g => g.Id == id)
            .Select(g => new
            {
                g.Id, g.RegionId, g.OrganizationId, g.IsGroup, g.StartDate, g.Status, Program = g.Program.Name,
                Members = g.Members.Where(m => m.LeftOn == null).OrderBy(m => m.Role).ThenBy(m => m.Person.LastName).ThenBy(m => m.Id)
                    .Select(m => new { m.PersonId, m.Role, m.Person.LastName, m.Person.FirstName, m.Person.MiddleName }).ToList(),
            })
            .SingleOrDefaultAsync();
        if (pair is null) return false;
        var personId = access.PersonId ?? 0;
        CanRecord = access.IsStaffFor(pair.OrganizationId) || pair.Members.Any(m => m.PersonId == personId && m.Role == MemberRole.Mentor);
        Pair = new PairInfo(pair.Id, pair.RegionId, pair.OrganizationId, pair.IsGroup, pair.StartDate, pair.Status, pair.Program,
            pair.Members.Select(m => new MemberItem(m.PersonId, m.Role, PeopleTerms.FullName(m.LastName, m.FirstName, m.MiddleName))).ToList());
        Next = MeetingSequence.Next(await db.Meetings.Where(m => m.GroupId == id).Select(m => m.Type).ToListAsync());
        if (pair.Status == GroupStatus.Closed) ClosedMessage = MeetingRules.ClosedMessage;
        return true;
    }

    public sealed record PairInfo(long Id, long RegionId, long OrganizationId, bool IsGroup, DateOnly StartDate, GroupStatus Status, string Program,
        List<MemberItem> Members);

    public sealed record MemberItem(long PersonId, MemberRole Role, string Name);

    public sealed class MeetingForm
    {
        public MeetingType Type { get; set; }
        [Required(ErrorMessage = "Укажите дату встречи")] public DateOnly? HeldOn { get; set; }
        /// <summary>A preset (30, 45, 60) chosen by a button.</summary>
        public int? DurationMinutes { get; set; }
        /// <summary>Any other duration typed in; it wins over the preset.</summary>
        public int? OtherDuration { get; set; }
        public int? Minutes => OtherDuration ?? DurationMinutes;
        public MeetingFormat Format { get; set; }
        [StringLength(300, ErrorMessage = "Место — не длиннее 300 символов")] public string? Place { get; set; }
        [StringLength(500, ErrorMessage = "Тема — не длиннее 500 символов")] public string? Topic { get; set; }
        [StringLength(2000, ErrorMessage = "Результат — не длиннее 2000 символов")] public string? Result { get; set; }
        [StringLength(1000, ErrorMessage = "Следующий шаг — не длиннее 1000 символов")] public string? NextStep { get; set; }
        public DateOnly? NextDate { get; set; }
        public MeetingOutcome Outcome { get; set; }
        [StringLength(500, ErrorMessage = "Причина пропуска — не длиннее 500 символов")] public string? SkipReason { get; set; }
        public List<long> Attendees { get; set; } = [];
    }
}
