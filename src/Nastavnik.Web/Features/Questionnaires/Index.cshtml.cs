using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Questionnaires;

/// <summary>
/// The questionnaires available to the organization with how many responses its people gave to each (counts only —
/// answers are never listed here), and the organization's people, to enter a paper questionnaire for one of them.
/// </summary>
[Access(Role.OrgHead, Role.Curator)]
public class IndexModel(NastavnikDb db, CurrentUser me) : PageModel
{
    public sealed record InstrumentRow(long Id, string Name, InstrumentRespondent Respondent, InstrumentMoment Moment, int Version, bool IsFrozen, int Responses);
    public sealed record PersonRow(long Id, string LastName, string FirstName, string MiddleName, PersonKind Kind, string ClassName, string Organization, int Responses)
    {
        public string FullName => PeopleTerms.FullName(LastName, FirstName, MiddleName);
    }

    public List<InstrumentRow> Instruments { get; private set; } = [];
    public PagedList<PersonRow> List { get; private set; } = null!;
    public string? Q { get; private set; }

    public async Task OnGetAsync(string? q, int page = 1)
    {
        Q = q;
        var scope = await me.GetScopeAsync();
        var people = db.People.InScope(scope).Processable();
        var regions = await db.People.InScope(scope).Select(p => p.RegionId).Distinct().ToArrayAsync();
        var counts = await db.Responses.Where(r => people.Any(p => p.Id == r.PersonId))
            .GroupBy(r => r.InstrumentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var instruments = await QuestionnaireFiller.Current(db, regions)
            .OrderBy(i => i.Respondent).ThenBy(i => i.Moment).ThenBy(i => i.Name).ThenBy(i => i.Version).ToListAsync();
        Instruments = instruments.Select(i => new InstrumentRow(i.Id, i.Name, i.Respondent, i.Moment, i.Version, i.IsFrozen, counts.GetValueOrDefault(i.Id))).ToList();

        var listed = people.Listed();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.Like(q);
            listed = listed.Where(p => EF.Functions.ILike(p.LastName + " " + p.FirstName + " " + p.MiddleName, like) || EF.Functions.ILike(p.ClassName, like));
        }
        List = await listed.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.MiddleName).ThenBy(p => p.Id)
            .Select(p => new PersonRow(p.Id, p.LastName, p.FirstName, p.MiddleName, p.Kind, p.ClassName, p.Organization.ShortName,
                db.Responses.Count(r => r.PersonId == p.Id)))
            .ToPagedAsync(page);
    }
}
