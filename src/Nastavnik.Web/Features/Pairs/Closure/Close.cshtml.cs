using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Consents;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Pairs.Closure;

/// <summary>
/// Closing a pair or group (DOMAIN.md §4 «Завершение»): planned (after the «итоговая встреча», with reflection and
/// results) or early (a reason from the list). Closing writes the results into the bases, sets the members' leaving
/// date, and may offer an early-closed mentee for re-matching. The page also shows the exit questionnaires of both
/// sides and proposes the pair as a best-practice case when every member consented to distribution.
/// </summary>
[Access(Role.OrgHead, Role.Curator, Entity = ScopedEntity.MentoringGroup)]
public class CloseModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public sealed record MemberRow(long PersonId, string FullName, MemberRole Role, DateOnly? LeftOn);
    public sealed record ExitRow(long PersonId, string FullName, long InstrumentId, string Instrument, bool Answered);

    public MentoringGroup Group { get; private set; } = null!;
    public string Program { get; private set; } = "";
    public List<MemberRow> Members { get; private set; } = [];
    public List<ExitRow> Exit { get; private set; } = [];
    public bool HasFinalMeeting { get; private set; }
    [BindProperty] public CloseForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Form.ClosedOn = Today();
        Form.RowVersion = Group.RowVersion;
        await db.AuditAsync(AuditAction.Read, nameof(MentoringGroup), id.ToString(), Group.RegionId, "завершение пары");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var request = new ClosureRequest(Form.Kind, Form.Reason, Form.Comment ?? "", Form.Reflection ?? "", Form.Results ?? "", Form.ClosedOn);
        foreach (var e in ClosureRules.Check(request, new ClosureFacts(Group.Status, Group.StartDate, HasFinalMeeting, Today())))
            ModelState.AddModelError(e.Field.Length == 0 ? "" : $"Form.{e.Field}", e.Message);
        if (!ModelState.IsValid) return Page();

        var closedOn = Form.ClosedOn!.Value;
        var rematch = Form.Kind == ClosureKind.Early && Form.Rematch;
        await PairClosing.CloseAsync(db, Group, request, closedOn, rematch);
        db.Entry(Group).Property(g => g.RowVersion).OriginalValue = Form.RowVersion;
        if (!await db.TrySaveAsync(ModelState)) return Page();
        TempData["Message"] = rematch
            ? "Пара завершена; наставляемый предложен для повторного подбора"
            : $"Пара завершена ({Form.Kind.Title().ToLowerInvariant()}); результаты внесены в базы";
        return RedirectToPage(new { id });
    }

    /// <summary>«Предложить как кейс»: only when every member has a distribution consent in force.</summary>
    public async Task<IActionResult> OnPostCaseAsync(long id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var today = Today();
        var people = await db.People.Include(p => p.Consents).Where(p => Group.Members.Select(m => m.PersonId).Contains(p.Id)).ToListAsync();
        var lacking = people.Where(p => !ConsentRules.Distribution(p.BirthDate, p.Kind, ConsentStatus.Facts(p.Consents), today).Allowed)
            .Select(p => PersonData.Shown(p.Status, p.FullName)).OrderBy(n => n).ToList();
        if (Group.CaseProposedAt is not null) ModelState.AddModelError("", "Пара уже предложена как кейс");
        else if (lacking.Count > 0)
            ModelState.AddModelError("", $"Нельзя предложить как кейс: нет действующего согласия на распространение персональных данных у: {string.Join(", ", lacking)}");
        if (!ModelState.IsValid)
        {
            Form.ClosedOn = today;
            Form.RowVersion = Group.RowVersion;
            return Page();
        }
        Group.CaseProposedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        TempData["Message"] = "Пара предложена как кейс лучшей практики";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var group = await db.MentoringGroups.InScope(scope).Include(g => g.Members).ThenInclude(m => m.Person)
            .Include(g => g.Program).SingleOrDefaultAsync(g => g.Id == id);
        if (group is null) return false;
        Group = group;
        Program = group.Program.Name;
        Members = group.Members.OrderBy(m => m.Role).ThenBy(m => m.Person.LastName)
            .Select(m => new MemberRow(m.PersonId, PersonData.Shown(m.Person.Status, m.Person.FullName), m.Role, m.LeftOn)).ToList();
        HasFinalMeeting = await db.Meetings.AnyAsync(m => m.GroupId == id && m.Type == MeetingType.Final);
        var instruments = await db.Instruments.InScope(scope)
            .Where(i => i.Moment == InstrumentMoment.Exit && i.IsActive && (i.RegionId == null || i.RegionId == group.RegionId))
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.Name, i.Respondent }).ToListAsync();
        var personIds = Members.Select(m => m.PersonId).ToList();
        var instrumentIds = instruments.Select(i => i.Id).ToList();
        var since = MoscowTime.StartOfDay(group.StartDate);
        var answered = (await db.Responses.Where(r => personIds.Contains(r.PersonId) && instrumentIds.Contains(r.InstrumentId) && r.SubmittedAt >= since)
            .Select(r => new { r.PersonId, r.InstrumentId }).ToListAsync()).ToHashSet();
        // No exit questionnaire for a member who withdrew consent: their data is no longer processed.
        Exit = Members.Where(m => m.FullName != PersonData.BlockedName).SelectMany(m => instruments
                .Where(i => i.Respondent == (m.Role == MemberRole.Mentor ? InstrumentRespondent.Mentor : InstrumentRespondent.Mentee))
                .Select(i => new ExitRow(m.PersonId, m.FullName, i.Id, i.Name, answered.Contains(new { PersonId = m.PersonId, InstrumentId = i.Id }))))
            .ToList();
        return true;
    }

    private DateOnly Today() => clock.MoscowToday();

    public sealed class CloseForm
    {
        [Display(Name = "Вид завершения")] public ClosureKind Kind { get; set; }
        [Display(Name = "Причина досрочного завершения")] public ClosureReason Reason { get; set; }
        [Display(Name = "Комментарий"), StringLength(2000, ErrorMessage = "Комментарий длиннее 2000 символов")]
        public string? Comment { get; set; }
        [Display(Name = "Рефлексия итоговой встречи"), StringLength(4000, ErrorMessage = "Рефлексия длиннее 4000 символов")]
        public string? Reflection { get; set; }
        [Display(Name = "Результаты программы"), StringLength(4000, ErrorMessage = "Результаты длиннее 4000 символов")]
        public string? Results { get; set; }
        [Display(Name = "Дата завершения"), DataType(DataType.Date)] public DateOnly? ClosedOn { get; set; }
        [Display(Name = "Предложить наставляемого для повторного подбора")] public bool Rematch { get; set; }
        public uint RowVersion { get; set; }
    }
}
