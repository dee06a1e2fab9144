using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Territories.Partners;

[Access(Role.SystemAdmin, Role.RegionAdmin, Role.MunicipalCoordinator)]
public class IndexModel(NastavnikDb db, CurrentUser me) : PageModel
{
    public string? Q { get; private set; }
    public long? RegionId { get; private set; }
    public PartnerType? Type { get; private set; }
    public List<SelectListItem> Regions { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public PagedList<Row> List { get; private set; } = null!;

    public async Task OnGetAsync(string? q, long? regionId, PartnerType? type, [FromQuery] int page = 1)
    {
        (Q, RegionId, Type) = (q, regionId, type);
        var scope = await me.GetScopeAsync();
        CanCreate = PageAccess.Allows<CreateModel>(scope);
        Regions = await TerritoryOptions.VisibleRegionsAsync(db, scope);
        var query = db.Partners.AsNoTracking().InScope(scope);
        if (regionId is { } r) query = query.Where(p => p.RegionId == r);
        if (type is { } t) query = query.Where(p => p.Type == t);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.Like(q);
            query = query.Where(p => EF.Functions.ILike(p.Name, like) || (p.Inn != null && EF.Functions.ILike(p.Inn, like)));
        }
        List = await query.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new Row(p.Id, p.Name, p.Type, p.Region.Name, p.Inn, p.Municipalities.Count))
            .ToPagedAsync(page);
    }

    public sealed record Row(long Id, string Name, PartnerType Type, string Region, string? Inn, int Municipalities);
}
