using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Matching;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Matching;

/// <summary>«Подбор пар»: the matching runs of the programmes of the organizations where the user is head or curator.</summary>
[Access(Role.OrgHead, Role.Curator)]
public class IndexModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public MatchRunStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "program")] public long? ProgramId { get; set; }
    public PagedList<Row> List { get; private set; } = null!;
    public List<SelectListItem> Programs { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var scope = await me.GetScopeAsync();
        var organizations = scope.OrganizationIdsFor(Role.OrgHead, Role.Curator).ToArray();
        Programs = await db.Programs.AsNoTracking().Where(p => organizations.Contains(p.OrganizationId))
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync();
        var query = db.MatchRuns.AsNoTracking().InScope(scope);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var like = Paging.Like(Q);
            query = query.Where(r => EF.Functions.ILike(r.Program.Name, like) || EF.Functions.ILike(r.Program.Organization.ShortName, like));
        }
        if (Status is { } status) query = query.Where(r => r.Status == status);
        if (ProgramId is { } programId) query = query.Where(r => r.ProgramId == programId);
        List = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new Row(r.Id, r.Program.Name, r.Program.Organization.ShortName, r.Form, r.Mode, r.IsGroup, r.Status, r.CreatedAt,
                r.Matched, r.Unmatched, r.Progress))
            .ToPagedAsync(page);
    }

    public sealed record Row(long Id, string Program, string Organization, string Form, MatchMode Mode, bool IsGroup, MatchRunStatus Status,
        DateTimeOffset CreatedAt, int? Matched, int? Unmatched, int Progress);
}
