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
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>
/// «Записать встречу» of a pair or group (the id is the group's): a phone-sized form with the next step of the sequence,
/// today's date and 45 minutes preselected. With <c>?meeting=</c> the same form corrects a recorded meeting, and
/// <c>?handler=Delete&amp;meeting=</c> asks to confirm its deletion. The rules live in <see cref="MeetingRules"/>; staff and
/// the pair's mentor keep the record. A paused pair takes no new meetings, a closed one no changes at all.
/// </summary>
[Access(Role.OrgHead, Role.Curator, Role.Mentor, Entity = ScopedEntity.MentoringGroup)]
public class MeetingModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{

    [BindProperty] public MeetingForm Form { get; set; } = new();
    public PairInfo Pair { get; private set; } = null!;
    public MeetingType? Next { get; private set; }
    public IReadOnlyList<MeetingType> Skipped { get; private set; } = [];
    /// <summary>Why the form is not offered: the pair is closed, or paused (for a new meeting).</summary>
    public string? ClosedMessage { get; private set; }
    public bool CanRecord { get; private set; }
    /// <summary>The meeting being corrected or deleted; null for a new one.</summary>
    public long? MeetingId { get; private set; }
    public bool Deleting { get; private set; }
    public string DeletingTitle { get; private set; } = "";
    public int FeedbackCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, long? meeting)
    {
        if (!await LoadAsync(id, meeting)) return NotFound();
        if (meeting is null)
        {
            Form = new MeetingForm { Type = Next ?? MeetingType.Regular, HeldOn = Today, DurationMinutes = 45 };
            return Page();
        }
        var stored = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meeting && m.GroupId == id);
        if (stored is null || !CanRecord) return NotFound();
        Form = MeetingForm.From(stored);
        return Page();
    }

    /// <summary>The confirmation of a deletion: what goes, and that the meeting's feedback stays.</summary>
    public async Task<IActionResult> OnGetDeleteAsync(long id, long meeting)
    {
        if (!await LoadAsync(id, meeting)) return NotFound();
        var stored = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meeting && m.GroupId == id);
        if (stored is null || !CanRecord) return NotFound();
        await ShowDeletionAsync(stored.Id, stored.Type, stored.HeldOn, stored.RowVersion);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, long? meeting)
    {
        if (!await LoadAsync(id, meeting)) return NotFound();
        if (!CanRecord) return NotFound();
        Meeting? stored = null;
        if (meeting is not null)
        {
            stored = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meeting && m.GroupId == id);
            if (stored is null) return NotFound();
        }
        var held = await db.Meetings.Where(m => m.GroupId == id && m.Id != (meeting ?? 0)).Select(m => m.Type).ToListAsync();
        if (Form.Minutes is null) ModelState.AddModelError($"{nameof(Form)}.{nameof(MeetingForm.DurationMinutes)}", "Укажите продолжительность встречи");
        if (ModelState.IsValid)
        {
            var facts = new MeetingFacts(Form.Type, Form.HeldOn!.Value, Form.Minutes!.Value, Form.SkipReason ?? "",
                Form.Type == MeetingType.Trial ? Form.Outcome : MeetingOutcome.None);
            foreach (var error in MeetingRules.Check(facts, Today, Pair.StartDate, Pair.Status, held, adding: stored is null))
            {
                ModelState.AddModelError(error.Field.Length > 0 ? $"{nameof(Form)}.{error.Field}" : "", error.Message);
            }
        }
        Skipped = MeetingSequence.Skipped(held, Form.Type);
        if (!ModelState.IsValid) return Page();

        var attendees = Pair.IsGroup
            ? Form.Attendees.Where(a => Pair.Members.Any(m => m.PersonId == a)).Distinct().ToArray()
            : Pair.Members.Select(m => m.PersonId).ToArray();
        if (stored is null)
        {
            stored = new Meeting { GroupId = id, RegionId = Pair.RegionId, OrganizationId = Pair.OrganizationId, RecordedByUserId = me.Id };
            db.Meetings.Add(stored);
        }
        else
        {
            // The form lists today's members only: a correction keeps those who attended and have left the pair since.
            attendees = [.. attendees, .. stored.AttendeePersonIds.Where(a => Pair.Members.All(m => m.PersonId != a))];
            // A correction keeps whoever recorded the meeting; the form's xmin makes a save over a newer change fail.
            db.Entry(stored).Property(m => m.RowVersion).OriginalValue = Form.RowVersion;
        }
        Form.ApplyTo(stored, attendees, Skipped.Count > 0);
        if (!await db.TrySaveAsync(ModelState)) return Page();
        TempData["Message"] = $"{Form.Type.Title()} {Form.HeldOn:dd.MM.yyyy} {(meeting is null ? "записана" : "изменена")}.";
        return RedirectToPage("Card", new { id });
    }

    /// <summary>Deletes a recorded meeting; its feedback stays (the foreign key sets it free) as feedback for the month.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(long id, long meeting, uint rowVersion)
    {
        // The confirmation posts no meeting fields: the form's own validation does not apply here.
        ModelState.Clear();
        if (!await LoadAsync(id, meeting)) return NotFound();
        if (!CanRecord) return NotFound();
        var stored = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meeting && m.GroupId == id);
        if (stored is null) return NotFound();
        await ShowDeletionAsync(stored.Id, stored.Type, stored.HeldOn, rowVersion);
        if (Pair.Status == GroupStatus.Closed)
        {
            ModelState.AddModelError("", MeetingRules.ClosedMessage);
            return Page();
        }
        db.Meetings.Remove(stored);
        db.Entry(stored).Property(m => m.RowVersion).OriginalValue = rowVersion;
        if (!await db.TrySaveAsync(ModelState)) return Page();
        TempData["Message"] = $"{DeletingTitle} — встреча удалена" + (FeedbackCount > 0 ? "; отзывы о ней сохранены как отзывы за месяц." : ".");
        return RedirectToPage("Card", new { id });
    }

    private async Task ShowDeletionAsync(long meetingId, MeetingType type, DateOnly heldOn, uint rowVersion)
    {
        Deleting = true;
        DeletingTitle = $"{type.Title()} {heldOn:dd.MM.yyyy}";
        Form = new MeetingForm { RowVersion = rowVersion };
        FeedbackCount = await db.Feedback.CountAsync(f => f.MeetingId == meetingId);
    }

    private DateOnly Today => clock.MoscowToday();

    private async Task<bool> LoadAsync(long id, long? meeting)
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
        MeetingId = meeting;
        if (pair.Status == GroupStatus.Closed) ClosedMessage = MeetingRules.ClosedMessage;
        else if (pair.Status == GroupStatus.Paused && meeting is null) ClosedMessage = MeetingRules.PausedMessage;
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
        /// <summary>The xmin of the meeting being corrected, as the form was shown.</summary>
        public uint RowVersion { get; set; }

        public static MeetingForm From(Meeting m) => new()
        {
            Type = m.Type, HeldOn = m.HeldOn, DurationMinutes = m.DurationMinutes is 30 or 45 or 60 ? m.DurationMinutes : null,
            OtherDuration = m.DurationMinutes is 30 or 45 or 60 ? null : m.DurationMinutes, Format = m.Format, Place = m.Place, Topic = m.Topic,
            Result = m.Result, NextStep = m.NextStep, NextDate = m.NextDate, Outcome = m.Outcome, SkipReason = m.SkipReason,
            Attendees = [.. m.AttendeePersonIds], RowVersion = m.RowVersion,
        };

        public void ApplyTo(Meeting m, long[] attendees, bool skipped)
        {
            m.Type = Type;
            m.HeldOn = HeldOn!.Value;
            m.DurationMinutes = Minutes!.Value;
            m.Format = Format;
            m.Place = (Place ?? "").Trim();
            m.Topic = (Topic ?? "").Trim();
            m.Result = (Result ?? "").Trim();
            m.NextStep = (NextStep ?? "").Trim();
            m.NextDate = NextDate;
            m.Outcome = Type == MeetingType.Trial ? Outcome : MeetingOutcome.None;
            m.SkipReason = skipped ? (SkipReason ?? "").Trim() : "";
            m.AttendeePersonIds = attendees;
        }
    }
}
