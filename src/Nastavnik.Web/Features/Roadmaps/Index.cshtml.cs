using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Features.Territories;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>The roadmaps the user sees: their own node's and the plans above it they carry out.</summary>
[Access(Role.SystemAdmin, Role.RegionAdmin, Role.MunicipalCoordinator, Role.OrgHead, Role.Curator)]
public class IndexModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "level")] public RoadmapLevel? Level { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public RoadmapStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "municipalityId")] public long? MunicipalityId { get; set; }
    public List<SelectListItem> Municipalities { get; private set; } = [];
    public bool CanImport { get; private set; }
    public bool CanUseTemplate { get; private set; }
    public PagedList<Row> List { get; private set; } = null!;

    // The import page belongs to another slice of the module; the link follows its own [Access] rule when present.
    private static readonly Type? ImportPage = typeof(IndexModel).Assembly.GetType("Nastavnik.Web.Features.Roadmaps.ImportModel");

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var scope = await me.GetScopeAsync();
        CanImport = ImportPage is not null && PageAccess.Allows(ImportPage, scope);
        CanUseTemplate = PageAccess.Allows<FromTemplateModel>(scope);
        Municipalities = await TerritoryOptions.MunicipalitiesAsync(db, scope);
        var query = db.Roadmaps.AsNoTracking().InScope(scope);
        if (Level is { } level) query = query.Where(r => r.Level == level);
        if (Status is { } status) query = query.Where(r => r.Status == status);
        if (MunicipalityId is { } m) query = query.Where(r => r.MunicipalityId == m);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var like = Paging.Like(Q);
            query = query.Where(r => EF.Functions.ILike(r.Title, like)
                || (r.Municipality != null && EF.Functions.ILike(r.Municipality.Name, like))
                || (r.Organization != null && EF.Functions.ILike(r.Organization.ShortName, like)));
        }
        List = await query
            .OrderBy(r => r.Region.Name).ThenBy(r => r.Level).ThenBy(r => r.Municipality!.Name).ThenBy(r => r.Organization!.ShortName)
            .ThenByDescending(r => r.Version).ThenBy(r => r.Id)
            .Select(r => new Row(r.Id, r.Title, r.Level,
                r.Organization != null ? r.Organization.ShortName : r.Municipality != null ? r.Municipality.Name : r.Region.Name,
                r.PeriodStart, r.PeriodEnd, r.Status, r.Version, r.IsTemplate, r.Items.Count))
            .ToPagedAsync(page);
    }

    /// <summary>What kind of node owns a roadmap, as shown next to its name: «(муниципалитет)».</summary>
    public static string NodeKind(RoadmapLevel level) => level switch
    {
        RoadmapLevel.Region => "регион",
        RoadmapLevel.Municipality => "муниципалитет",
        _ => "организация",
    };

    public static List<SelectListItem> Levels() =>
        Enum.GetValues<RoadmapLevel>().Select(l => new SelectListItem(l.Title(), l.ToString())).ToList();

    public static List<SelectListItem> Statuses() =>
        Enum.GetValues<RoadmapStatus>().Select(s => new SelectListItem(s.Title(), s.ToString())).ToList();

    public sealed record Row(long Id, string Title, RoadmapLevel Level, string Node, DateOnly PeriodStart, DateOnly PeriodEnd,
        RoadmapStatus Status, int Version, bool IsTemplate, int Items);
}
