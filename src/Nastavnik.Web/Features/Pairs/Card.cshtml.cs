using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Data.Entities.Pairs;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>
/// The pair's card: participants, form, dates, curator, status, the meeting sequence as a progress line, meetings and
/// the plan. Staff see contacts and feedback (unsafe flags included); a participant sees the minimal profile of the
/// others (name, class or position, requests) and no special categories; feedback stays with curator and head.
/// </summary>
[Access(Role.OrgHead, Role.Curator, Role.Mentor, Role.Mentee, Role.LegalRepresentative, Entity = ScopedEntity.MentoringGroup)]
public class CardModel(NastavnikDb db, CurrentUser me) : PageModel
{
    public Header Pair { get; private set; } = null!;
    public bool IsStaff { get; private set; }
    public bool CanKeep { get; private set; }
    public bool IsMember { get; private set; }
    /// <summary>The record keepers correct or delete meetings until the pair is closed.</summary>
    public bool CanEditMeetings => CanKeep && Pair.Status != GroupStatus.Closed;
    public List<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<SequenceStep> Progress { get; private set; } = [];
    public List<MeetingRow> Meetings { get; private set; } = [];
    public List<PlanGoalRow> Plan { get; private set; } = [];
    public List<FeedbackRow> Feedback { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var access = await PairAccess.ForAsync(db, me);
        var pair = await access.Groups(db.MentoringGroups.AsNoTracking()).Where(g => g.Id == id)
            .Select(g => new
            {
                g.Id, g.RegionId, g.OrganizationId, Organization = g.Organization.ShortName, Program = g.Program.Name, g.IsGroup, g.Form,
                g.RoleVariant, g.DeliveryMode, g.StartDate, g.PlannedEnd, g.Status, g.ClosedOn, g.PausedOn, g.PauseReason, g.ResumeOn,
                Curator = db.Users.Where(u => u.Id == g.CuratorUserId).Select(u => u.FullName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync();
        if (pair is null) return NotFound();
        IsStaff = access.IsStaffFor(pair.OrganizationId);
        var personId = access.PersonId ?? 0;
        var members = await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == id)
            .OrderBy(m => m.Role).ThenBy(m => m.Person.LastName).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.PersonId, m.Role, m.Person.Status, m.Person.LastName, m.Person.FirstName, m.Person.MiddleName, m.Person.Kind, m.Person.ClassName,
                m.Person.Position, m.Person.Phone, m.Person.Email, m.JoinedOn, m.LeftOn,
                Request = m.MenteeProfile != null ? m.MenteeProfile.RequestText : "",
                KeyTopic = m.MenteeProfile != null && m.MenteeProfile.KeyTopic != null ? m.MenteeProfile.KeyTopic.Name : "",
            })
            .ToListAsync();
        IsMember = members.Any(m => m.PersonId == personId);
        CanKeep = IsStaff || members.Any(m => m.PersonId == personId && m.Role == MemberRole.Mentor);
        Pair = new Header(pair.Id, pair.Organization, pair.Program, pair.IsGroup, Forms.NameOf(pair.Form), pair.RoleVariant, Forms.DeliveryModes.GetValueOrDefault(pair.DeliveryMode, pair.DeliveryMode),
            pair.StartDate, pair.PlannedEnd, pair.Curator ?? "", pair.Status, pair.ClosedOn, pair.PausedOn, pair.PauseReason, pair.ResumeOn);
        // In a group a mentee and their parents see the other children as «Мария И.», without class or requests; a member
        // who withdrew consent stays in the history as «участник (данные заблокированы)», nothing else of theirs.
        var fullView = IsStaff || members.Any(m => m.PersonId == personId && m.Role == MemberRole.Mentor);
        bool Other(long id, MemberRole role) => !fullView && role == MemberRole.Mentee && !access.People.Contains(id);
        Members = members.Select(m => !PersonData.IsProcessable(m.Status)
            ? new MemberRow(PersonData.BlockedName, m.Role, "", "", "", m.JoinedOn, m.LeftOn)
            : new MemberRow(
            Other(m.PersonId, m.Role) ? PeopleTerms.ShortName(m.LastName, m.FirstName) : PeopleTerms.FullName(m.LastName, m.FirstName, m.MiddleName), m.Role,
            Other(m.PersonId, m.Role) ? "" : m.Kind is PersonKind.Pupil or PersonKind.Student ? m.ClassName : m.Position,
            Other(m.PersonId, m.Role) ? "" : string.Join("; ", new[] { m.KeyTopic, m.Request }.Where(s => s.Length > 0)),
            // Contacts: staff see everyone's; a participant sees the mentor's work contact only.
            IsStaff ? string.Join(", ", new[] { m.Phone, m.Email }.Where(s => s.Length > 0))
                : m.Role == MemberRole.Mentor ? m.Email : "",
            m.JoinedOn, m.LeftOn)).ToList();

        var meetings = await db.Meetings.AsNoTracking().Where(m => m.GroupId == id).OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id)
            .Select(m => new MeetingRow(m.Id, m.Type, m.HeldOn, m.DurationMinutes, m.Format, m.Place, m.Topic, m.Result, m.NextStep, m.Outcome, m.SkipReason))
            .ToListAsync();
        Meetings = meetings;
        Progress = MeetingSequence.Progress(meetings.Select(m => m.Type));
        Plan = await PlanQueries.GoalsAsync(db, id);
        if (IsStaff)
        {
            // Feedback of a member who withdrew consent is not shown at all.
            Feedback = await db.Feedback.AsNoTracking().Where(f => f.GroupId == id).Where(f => db.People.Processable().Any(p => p.Id == f.PersonId))
                .OrderByDescending(f => f.SubmittedAt).ThenByDescending(f => f.Id)
                .Select(f => new FeedbackRow(f.Person.LastName + " " + f.Person.FirstName, f.Role, f.SubmittedAt, f.Usefulness, f.Comfort, f.Progress,
                    f.WentWell, f.Obstacles, f.NeedsHelp, f.Unsafe))
                .ToListAsync();
        }
        // Every read of the card shows people's data, a participant's (or a parent's) as much as staff's: it goes to
        // the access log (DOMAIN.md §2 rule 4).
        await db.AuditAsync(AuditAction.Read, nameof(MentoringGroup), id.ToString(), pair.RegionId,
            $"карточка пары{(IsStaff ? "" : " (участник)")}: {Members.Count} участн.");
        return Page();
    }

    public sealed record Header(long Id, string Organization, string Program, bool IsGroup, string Form, string RoleVariant, string DeliveryMode,
        DateOnly StartDate, DateOnly? PlannedEnd, string Curator, GroupStatus Status, DateOnly? ClosedOn, DateOnly? PausedOn, string PauseReason,
        DateOnly? ResumeOn);

    public sealed record MemberRow(string Name, MemberRole Role, string ClassOrPosition, string Requests, string Contacts, DateOnly JoinedOn, DateOnly? LeftOn);

    public sealed record MeetingRow(long Id, MeetingType Type, DateOnly HeldOn, int DurationMinutes, MeetingFormat Format, string Place, string Topic,
        string Result, string NextStep, MeetingOutcome Outcome, string SkipReason);

    public sealed record FeedbackRow(string Author, MemberRole Role, DateTimeOffset SubmittedAt, int Usefulness, int Comfort, int? Progress,
        string WentWell, string Obstacles, bool NeedsHelp, bool Unsafe);
}
