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
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>«Наставнические пары и группы» of the organizations where the user is head or curator.</summary>
[Access(Role.OrgHead, Role.Curator)]
public class IndexModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public GroupStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "program")] public long? ProgramId { get; set; }
    [BindProperty(SupportsGet = true, Name = "form")] public string? Form { get; set; }
    public PagedList<Row> List { get; private set; } = null!;
    public List<SelectListItem> Programs { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var scope = await me.GetScopeAsync();
        var organizations = scope.OrganizationIdsFor(Role.OrgHead, Role.Curator).ToArray();
        Programs = await db.Programs.AsNoTracking().Where(p => organizations.Contains(p.OrganizationId))
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync();
        var query = db.MentoringGroups.AsNoTracking().InScope(scope);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var like = Paging.Like(Q);
            query = query.Where(g => g.Members.Any(m => EF.Functions.ILike(m.Person.LastName, like)));
        }
        if (Status is { } status) query = query.Where(g => g.Status == status);
        if (ProgramId is { } programId) query = query.Where(g => g.ProgramId == programId);
        if (!string.IsNullOrWhiteSpace(Form)) query = query.Where(g => g.Form == Form);
        var list = await query.OrderBy(g => g.Status).ThenByDescending(g => g.StartDate).ThenBy(g => g.Id)
            .Select(g => new
            {
                g.Id, Program = g.Program.Name, g.Form, g.IsGroup, g.Status, g.StartDate,
                Members = g.Members.Where(m => m.LeftOn == null).OrderBy(m => m.Role).ThenBy(m => m.Person.LastName)
                    .Select(m => new { m.Role, m.Person.LastName, m.Person.FirstName, m.Person.MiddleName }).ToList(),
                LastMeeting = db.Meetings.Where(x => x.GroupId == g.Id).Max(x => (DateOnly?)x.HeldOn),
            })
            .ToPagedAsync(page);
        List = new PagedList<Row>(list.Items.Select(g => new Row(g.Id, g.Program, g.Form, g.IsGroup, g.Status, g.StartDate,
            string.Join(", ", g.Members.Where(m => m.Role == MemberRole.Mentor).Select(m => PeopleTerms.FullName(m.LastName, m.FirstName, m.MiddleName))),
            string.Join(", ", g.Members.Where(m => m.Role == MemberRole.Mentee).Select(m => PeopleTerms.FullName(m.LastName, m.FirstName, m.MiddleName))),
            g.LastMeeting)).ToList(), list.Page, list.PageSize, list.Total);
        await db.AuditListAsync(nameof(MentoringGroup), List.Items.Select(r => r.Id).ToList(),
            scope.AnyRegionIds.Order().FirstOrDefault() is var r and > 0 ? r : null, "список пар, просмотр");
    }

    public sealed record Row(long Id, string Program, string Form, bool IsGroup, GroupStatus Status, DateOnly StartDate, string Mentors,
        string Mentees, DateOnly? LastMeeting);
}
