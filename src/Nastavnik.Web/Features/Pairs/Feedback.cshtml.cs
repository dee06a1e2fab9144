using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;
using FeedbackEntity = Nastavnik.Data.Entities.Pairs.Feedback;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>
/// A participant's feedback after a meeting or for the month: usefulness and comfort 1–10, progress, what went well and
/// what hinders, «нужна помощь куратора» and «мне было некомфортно или небезопасно». An unsafe mark notifies the
/// pair's curator (or the organization's curators) at once; only curator and head ever see it.
/// </summary>
[Access(Role.Mentor, Role.Mentee, Entity = ScopedEntity.MentoringGroup)]
public class FeedbackModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public const string AlreadyRated = "Вы уже оставили отзыв об этой встрече";
    private const string UniqueIndex = "feedback_meeting_person_uq";
    private const string MeetingField = $"{nameof(Form)}.{nameof(FeedbackForm.MeetingId)}";

    [BindProperty] public FeedbackForm Form { get; set; } = new();
    public string Program { get; private set; } = "";
    public List<MeetingItem> Meetings { get; private set; } = [];
    public bool Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await LoadAsync(id) is null) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var pair = await LoadAsync(id);
        if (pair is null) return NotFound();
        if (Closed) ModelState.AddModelError("", "Пара (группа) завершена: отзыв о работе завершённой пары оставить нельзя.");
        if (Form.MeetingId is { } meetingId)
        {
            if (await db.Feedback.AnyAsync(f => f.MeetingId == meetingId && f.PersonId == pair.PersonId))
                ModelState.AddModelError(MeetingField, AlreadyRated);
            else if (Meetings.All(m => m.Id != meetingId))
                ModelState.AddModelError(MeetingField, "Выберите встречу этой пары или «за месяц»");
        }
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow();
        db.Feedback.Add(new FeedbackEntity
        {
            GroupId = id, MeetingId = Form.MeetingId, PersonId = pair.PersonId, RegionId = pair.RegionId, OrganizationId = pair.OrganizationId,
            Role = pair.Role, Usefulness = Form.Usefulness!.Value, Comfort = Form.Comfort!.Value, Progress = Form.Progress,
            WentWell = (Form.WentWell ?? "").Trim(), Obstacles = (Form.Obstacles ?? "").Trim(), NeedsHelp = Form.NeedsHelp, Unsafe = Form.Unsafe,
            SubmittedAt = now,
        });
        if (Form.Unsafe || Form.NeedsHelp)
        {
            // The curator learns at once; the participant's text is not repeated in the notification.
            var text = Form.Unsafe
                ? $"{pair.Name} отметил(а) в отзыве: «мне было некомфортно или небезопасно». Свяжитесь с участником как можно скорее."
                : $"{pair.Name} просит помощи куратора в работе наставнической пары.";
            var curators = await CuratorsAsync(pair.CuratorUserId, pair.OrganizationId);
            await Notifier.AddAsync(db, curators.Select(userId => new Notifier.Note(userId, text, $"/Pairs/Card/{id}")), now);
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: UniqueIndex })
        {
            // Two submissions racing past the check above: the unique index keeps one, the other hears why.
            ModelState.AddModelError(MeetingField, AlreadyRated);
            return Page();
        }
        TempData["Message"] = "Спасибо! Отзыв сохранён.";
        return RedirectToPage("Mine");
    }

    /// <summary>The pair's curator; without one (or an inactive one), every active curator of the organization.</summary>
    private async Task<List<long>> CuratorsAsync(long? curatorUserId, long organizationId)
    {
        if (curatorUserId is { } id && await db.Users.AnyAsync(u => u.Id == id && u.IsActive)) return [id];
        return await db.RoleAssignments.Where(a => a.Role == Role.Curator && a.OrganizationId == organizationId && a.User.IsActive)
            .Select(a => a.UserId).Distinct().ToListAsync();
    }

    private async Task<Membership?> LoadAsync(long id)
    {
        var access = await PairAccess.ForAsync(db, me);
        if (access.PersonId is not { } personId) return null;
        var pair = await db.MentoringGroups.AsNoTracking().OwnedBy(personId).Where(g => g.Id == id)
            .Select(g => new
            {
                g.RegionId, g.OrganizationId, g.CuratorUserId, g.Status, Program = g.Program.Name,
                Member = g.Members.Where(m => m.PersonId == personId).OrderBy(m => m.LeftOn != null).ThenBy(m => m.Id)
                    .Select(m => new { m.Role, m.Person.LastName, m.Person.FirstName, m.Person.MiddleName }).First(),
            })
            .SingleOrDefaultAsync();
        if (pair is null) return null;
        Program = pair.Program;
        Closed = pair.Status == GroupStatus.Closed;
        // A member rates a meeting once: the picker leaves out the meetings they already rated.
        Meetings = await db.Meetings.AsNoTracking().Where(m => m.GroupId == id && !db.Feedback.Any(f => f.MeetingId == m.Id && f.PersonId == personId))
            .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id)
            .Select(m => new MeetingItem(m.Id, m.HeldOn, m.Type)).Take(20).ToListAsync();
        return new Membership(personId, pair.Member.Role, PeopleTerms.FullName(pair.Member.LastName, pair.Member.FirstName, pair.Member.MiddleName),
            pair.RegionId, pair.OrganizationId, pair.CuratorUserId);
    }

    private sealed record Membership(long PersonId, MemberRole Role, string Name, long RegionId, long OrganizationId, long? CuratorUserId);

    public sealed record MeetingItem(long Id, DateOnly HeldOn, MeetingType Type);

    public sealed class FeedbackForm
    {
        /// <summary>The meeting the feedback is about; none = for the month.</summary>
        public long? MeetingId { get; set; }
        [Required(ErrorMessage = "Оцените пользу встреч от 1 до 10"), Range(1, 10, ErrorMessage = "Польза — оценка от 1 до 10")]
        public int? Usefulness { get; set; }
        [Required(ErrorMessage = "Оцените, насколько вам комфортно, от 1 до 10"), Range(1, 10, ErrorMessage = "Комфорт — оценка от 1 до 10")]
        public int? Comfort { get; set; }
        [Range(1, 10, ErrorMessage = "Продвижение к цели — оценка от 1 до 10")] public int? Progress { get; set; }
        [StringLength(2000, ErrorMessage = "«Что получилось» — не длиннее 2000 символов")] public string? WentWell { get; set; }
        [StringLength(2000, ErrorMessage = "«Что мешает» — не длиннее 2000 символов")] public string? Obstacles { get; set; }
        public bool NeedsHelp { get; set; }
        public bool Unsafe { get; set; }
    }
}
