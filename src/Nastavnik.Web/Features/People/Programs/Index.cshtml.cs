using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.People.Programs;

/// <summary>«Программы наставничества»: kept by heads and curators of the organization, read by the territory above.</summary>
[Access(Role.RegionAdmin, Role.MunicipalCoordinator, Role.OrgHead, Role.Curator)]
public class IndexModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    public PagedList<Row> List { get; private set; } = null!;
    public bool CanCreate { get; private set; }
    public IReadOnlySet<long> EditableOrganizations { get; private set; } = new HashSet<long>();

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var scope = await me.GetScopeAsync();
        EditableOrganizations = scope.OrganizationIdsFor(Role.OrgHead, Role.Curator);
        CanCreate = EditableOrganizations.Count > 0;
        var query = db.Programs.AsNoTracking().InScope(scope);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var like = Paging.Like(Q);
            query = query.Where(p => EF.Functions.ILike(p.Name, like) || EF.Functions.ILike(p.Organization.ShortName, like));
        }
        List = await query.OrderByDescending(p => p.PeriodStart).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new Row(p.Id, p.OrganizationId, p.Organization.ShortName, p.Name, p.Family, p.PeriodStart, p.PeriodEnd, p.Forms))
            .ToPagedAsync(page);
    }

    public sealed record Row(long Id, long OrganizationId, string Organization, string Name, ModelFamily Family, DateOnly PeriodStart,
        DateOnly PeriodEnd, List<string> Forms);
}
