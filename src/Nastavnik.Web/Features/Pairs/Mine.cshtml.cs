using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>«Мои пары»: the pairs and groups of the signed-in participant (a parent: also their children's).</summary>
[Access(Role.Mentor, Role.Mentee, Role.LegalRepresentative)]
public class MineModel(NastavnikDb db, CurrentUser me) : PageModel
{
    public string? Explanation { get; private set; }
    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var access = await PairAccess.ForAsync(db, me);
        if (access.PersonId is null)
        {
            Explanation = "Ваша учётная запись не связана с карточкой участника программы наставничества. Обратитесь к куратору программы вашей организации.";
            return;
        }
        var personId = access.PersonId.Value;
        var groups = await access.Own(db.MentoringGroups.AsNoTracking())
            .OrderBy(g => g.Status).ThenByDescending(g => g.StartDate).ThenBy(g => g.Id)
            .Select(g => new
            {
                g.Id, Program = g.Program.Name, g.Form, g.Status, g.StartDate,
                Mine = g.Members.Where(m => m.PersonId == personId).Select(m => (MemberRole?)m.Role).FirstOrDefault(),
                Members = g.Members.Where(m => m.LeftOn == null).OrderBy(m => m.Role).ThenBy(m => m.Person.LastName)
                    .Select(m => new { m.PersonId, m.Role, m.Person.LastName, m.Person.FirstName, m.Person.MiddleName }).ToList(),
                Held = db.Meetings.Where(x => x.GroupId == g.Id).Select(x => x.Type).ToList(),
            })
            .ToListAsync();
        if (groups.Count == 0) Explanation = "Вы пока не входите ни в одну наставническую пару или группу.";
        Rows = groups.Select(g => new Row(g.Id, g.Program, Forms.NameOf(g.Form), g.Status, g.StartDate, g.Mine,
            string.Join(", ", g.Members.Where(m => m.Role == MemberRole.Mentor).Select(m => PeopleTerms.FullName(m.LastName, m.FirstName, m.MiddleName))),
            // The mentor sees their mentees in full; a mentee or parent sees the other children as «Мария И.».
            string.Join(", ", g.Members.Where(m => m.Role == MemberRole.Mentee).Select(m => g.Mine == MemberRole.Mentor || access.People.Contains(m.PersonId)
                ? PeopleTerms.FullName(m.LastName, m.FirstName, m.MiddleName) : PeopleTerms.ShortName(m.LastName, m.FirstName))),
            g.Status == GroupStatus.Closed ? null : MeetingSequence.Next(g.Held))).ToList();
    }

    /// <param name="Mine">The signed-in person's role in the pair; null when it is their child's pair.</param>
    public sealed record Row(long Id, string Program, string Form, GroupStatus Status, DateOnly StartDate, MemberRole? Mine, string Mentors,
        string Mentees, MeetingType? Next);
}
