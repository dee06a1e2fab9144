using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Territories.Municipalities;

[Access(Role.SystemAdmin, Role.RegionAdmin, Role.MunicipalCoordinator)]
public class IndexModel(NastavnikDb db, CurrentUser me) : PageModel
{
    public string? Q { get; private set; }
    public long? RegionId { get; private set; }
    public List<SelectListItem> Regions { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public PagedList<Row> List { get; private set; } = null!;

    public async Task OnGetAsync(string? q, long? regionId, [FromQuery] int page = 1)
    {
        (Q, RegionId) = (q, regionId);
        var scope = await me.GetScopeAsync();
        CanCreate = PageAccess.Allows<CreateModel>(scope);
        Regions = await TerritoryOptions.VisibleRegionsAsync(db, scope);
        var query = db.Municipalities.AsNoTracking().InScope(scope);
        if (regionId is { } r) query = query.Where(m => m.RegionId == r);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.Like(q);
            query = query.Where(m => EF.Functions.ILike(m.Name, like));
        }
        List = await query.OrderBy(m => m.Region.Name).ThenBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new Row(m.Id, m.Name, m.Kind, m.Region.Name, m.AuthorityName, m.Organizations.Count))
            .ToPagedAsync(page);
    }

    public sealed record Row(long Id, string Name, MunicipalityKind Kind, string Region, string AuthorityName, int Organizations);
}
