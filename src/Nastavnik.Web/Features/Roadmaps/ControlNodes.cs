using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Roadmaps;

namespace Nastavnik.Web.Features.Roadmaps;

/// <summary>The territory nodes a user may build the control report for, and the node picker's options.</summary>
public static class ControlNodes
{
    public sealed record Resolved(ControlNode Node, string Name, long RegionId, long? MunicipalityId);

    /// <summary>
    /// The requested node when the user reaches it (null: out of scope or missing → 404), or the user's own node
    /// when none is requested: their region, municipality or organization; the first region for a system administrator.
    /// </summary>
    public static async Task<Resolved?> ResolveAsync(NastavnikDb db, Scope scope, ControlNode? requested)
    {
        var node = requested ?? await DefaultAsync(db, scope);
        if (node is null) return null;
        switch (node.Level)
        {
            case RoadmapLevel.Region:
            {
                var name = await db.Regions.AsNoTracking().Where(r => r.Id == node.Id).Select(r => r.Name).SingleOrDefaultAsync();
                return name is not null && scope.ReachesRegion(node.Id) ? new Resolved(node, name, node.Id, null) : null;
            }
            case RoadmapLevel.Municipality:
            {
                var m = await db.Municipalities.AsNoTracking().Where(x => x.Id == node.Id)
                    .Select(x => new { x.Name, x.RegionId }).SingleOrDefaultAsync();
                return m is not null && scope.ReachesMunicipality(m.RegionId, node.Id) ? new Resolved(node, m.Name, m.RegionId, node.Id) : null;
            }
            default:
            {
                var o = await db.Organizations.AsNoTracking().Where(x => x.Id == node.Id)
                    .Select(x => new { Name = x.ShortName != "" ? x.ShortName : x.Name, x.RegionId, x.MunicipalityId }).SingleOrDefaultAsync();
                // At organization level only the roles that run the school reach its roadmaps (not a mentor there).
                var reaches = o is not null && (scope.ReachesMunicipality(o.RegionId, o.MunicipalityId)
                    || scope.OrganizationIdsFor(Role.OrgHead, Role.Curator).Contains(node.Id));
                return reaches ? new Resolved(node, o!.Name, o.RegionId, o.MunicipalityId) : null;
            }
        }
    }

    private static async Task<ControlNode?> DefaultAsync(NastavnikDb db, Scope scope)
    {
        if (scope.IsSystem || scope.RegionIds.Count > 0)
        {
            var managed = scope.RegionIds.ToArray();
            var id = await db.Regions.AsNoTracking().InScope(scope).Where(r => scope.IsSystem || managed.Contains(r.Id))
                .OrderBy(r => r.Name).ThenBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync();
            return id is { } r ? new ControlNode(RoadmapLevel.Region, r) : null;
        }
        if (scope.MunicipalityIds.Count > 0) return new ControlNode(RoadmapLevel.Municipality, scope.MunicipalityIds.Min());
        var organizations = scope.OrganizationIdsFor(Role.OrgHead, Role.Curator);
        return organizations.Count > 0 ? new ControlNode(RoadmapLevel.Organization, organizations.Min()) : null;
    }

    /// <summary>
    /// The picker: the regions the user manages, the municipalities of the current region in scope, and the
    /// organizations of the current municipality in scope (a region's schools are reached through the table's links).
    /// </summary>
    public static async Task<List<SelectListItem>> OptionsAsync(NastavnikDb db, Scope scope, Resolved current)
    {
        var regionGroup = new SelectListGroup { Name = "Регион" };
        var municipalityGroup = new SelectListGroup { Name = "Муниципалитеты" };
        var organizationGroup = new SelectListGroup { Name = "Организации" };
        var options = new List<SelectListItem>();

        if (scope.IsSystem || scope.RegionIds.Count > 0)
        {
            var managed = scope.RegionIds.ToArray();
            var regions = await db.Regions.AsNoTracking().InScope(scope).Where(r => scope.IsSystem || managed.Contains(r.Id))
                .OrderBy(r => r.Name).ThenBy(r => r.Id).Select(r => new { r.Id, r.Name }).ToListAsync();
            options.AddRange(regions.Select(r => Option(new ControlNode(RoadmapLevel.Region, r.Id), r.Name, regionGroup)));
        }
        var municipalities = await db.Municipalities.AsNoTracking().InScope(scope).Where(m => m.RegionId == current.RegionId)
            .OrderBy(m => m.Name).ThenBy(m => m.Id).Select(m => new { m.Id, m.Name }).ToListAsync();
        options.AddRange(municipalities.Select(m => Option(new ControlNode(RoadmapLevel.Municipality, m.Id), m.Name, municipalityGroup)));
        if (current.MunicipalityId is { } municipalityId)
        {
            var regions = scope.RegionIds.ToArray();
            var municipalityIds = scope.MunicipalityIds.ToArray();
            var reachable = scope.OrganizationIdsFor(Role.OrgHead, Role.Curator).ToArray();
            var organizations = await db.Organizations.AsNoTracking().InScope(scope)
                .Where(o => o.MunicipalityId == municipalityId)
                .Where(o => scope.IsSystem || regions.Contains(o.RegionId) || municipalityIds.Contains(o.MunicipalityId) || reachable.Contains(o.Id))
                .OrderBy(o => o.ShortName).ThenBy(o => o.Id)
                .Select(o => new { o.Id, Name = o.ShortName != "" ? o.ShortName : o.Name }).ToListAsync();
            options.AddRange(organizations.Select(o => Option(new ControlNode(RoadmapLevel.Organization, o.Id), o.Name, organizationGroup)));
        }
        if (!options.Any(o => o.Value == current.Node.Code)) options.Insert(0, Option(current.Node, current.Name, null));
        foreach (var o in options) o.Selected = o.Value == current.Node.Code;
        return options;
    }

    private static SelectListItem Option(ControlNode node, string name, SelectListGroup? group) =>
        new(name, node.Code) { Group = group };
}
