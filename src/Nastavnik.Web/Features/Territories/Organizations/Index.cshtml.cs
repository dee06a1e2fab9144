using Microsoft.AspNetCore.Mvc;
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
    // The search and filters are bound for every handler of the list, so that an export of it sees the same rows.
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "regionId")] public long? RegionId { get; set; }
    [BindProperty(SupportsGet = true, Name = "municipalityId")] public long? MunicipalityId { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public OrganizationType? Type { get; set; }
    public List<SelectListItem> Regions { get; private set; } = [];
    public List<SelectListItem> Municipalities { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public bool CanImport { get; private set; }
    public PagedList<Row> List { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var scope = await me.GetScopeAsync();
        CanCreate = PageAccess.Allows<CreateModel>(scope);
        CanImport = PageAccess.Allows<ImportModel>(scope);
        Regions = await TerritoryOptions.VisibleRegionsAsync(db, scope);
        // A system administrator sees every municipality of the country: the list waits until a region is chosen.
        if (RegionId is not null || Regions.Count <= 1)
        {
            Municipalities = await TerritoryOptions.MunicipalitiesAsync(db, scope, RegionId);
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
