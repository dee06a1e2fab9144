using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Territories.Organizations;

[Access(Role.SystemAdmin, Role.RegionAdmin, Role.MunicipalCoordinator, Role.OrgHead, Role.Curator)]
public class IndexModel(NastavnikDb db, CurrentUser me) : PageModel
{
    public string? Q { get; private set; }
    public long? RegionId { get; private set; }
    public long? MunicipalityId { get; private set; }
    public OrganizationType? Type { get; private set; }
    public List<SelectListItem> Regions { get; private set; } = [];
    public List<SelectListItem> Municipalities { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public PagedList<Row> List { get; private set; } = null!;

    public async Task OnGetAsync(string? q, long? regionId, long? municipalityId, OrganizationType? type, int page = 1)
    {
        (Q, RegionId, MunicipalityId, Type) = (q, regionId, municipalityId, type);
        var scope = await me.GetScopeAsync();
        CanCreate = PageAccess.Allows<CreateModel>(scope);
        Regions = await TerritoryOptions.VisibleRegionsAsync(db, scope);
        // A system administrator sees every municipality of the country: the list waits until a region is chosen.
        if (regionId is not null || Regions.Count <= 1)
        {
            Municipalities = await TerritoryOptions.MunicipalitiesAsync(db, scope, regionId);
        }
        List = await Filtered(scope)
            .OrderBy(o => o.ShortName).ThenBy(o => o.Id)
            .Select(o => new Row(o.Id, o.ShortName, o.Type, o.MunicipalityId, o.Municipality.Name, o.Inn))
            .ToPagedAsync(page);
    }

    /// <summary>The organizations in scope matching the list's search and filters (reused by exports of the list).</summary>
    public IQueryable<Organization> Filtered(Scope scope)
    {
        var query = db.Organizations.AsNoTracking().InScope(scope);
        if (RegionId is { } r) query = query.Where(o => o.RegionId == r);
        if (MunicipalityId is { } m) query = query.Where(o => o.MunicipalityId == m);
        if (Type is { } t) query = query.Where(o => o.Type == t);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var like = Paging.Like(Q);
            query = query.Where(o => EF.Functions.ILike(o.Name, like) || EF.Functions.ILike(o.ShortName, like)
                || (o.Inn != null && EF.Functions.ILike(o.Inn, like)));
        }
        return query;
    }

    public sealed record Row(long Id, string ShortName, OrganizationType Type, long MunicipalityId, string Municipality, string? Inn);
}
