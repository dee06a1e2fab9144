using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;

namespace Nastavnik.Web.Features.Users;

/// <summary>
/// Options of the role and node dropdowns: only roles the admin may grant and only nodes of the regions they
/// administer. Municipalities and organizations narrow to the chosen region (and municipality), so a system
/// administrator of a whole country never gets every school of it in one list.
/// </summary>
public sealed record AssignmentChoices(
    IReadOnlyList<SelectListItem> Roles,
    IReadOnlyList<SelectListItem> Regions,
    IReadOnlyList<SelectListItem> Municipalities,
    IReadOnlyList<SelectListItem> Organizations,
    bool ChooseRegionFirst)
{
    public static readonly AssignmentChoices None = new([], [], [], [], false);

    public static async Task<AssignmentChoices> LoadAsync(NastavnikDb db, Scope admin, AssignmentForm form)
    {
        var roles = Nastavnik.Domain.Access.Roles.All.Where(r => admin.IsSystem || r != Role.SystemAdmin)
            .Select(r => new SelectListItem(r.Title(), r.ToString())).ToList();

        var own = admin.RegionIds.ToArray();
        var regionQuery = db.Regions.AsNoTracking().InScope(admin);
        var municipalityQuery = db.Municipalities.AsNoTracking().InScope(admin);
        var organizationQuery = db.Organizations.AsNoTracking().InScope(admin);
        if (!admin.IsSystem)
        {
            // InScope also admits nodes reached through lower roles; only administered regions may be granted.
            regionQuery = regionQuery.Where(r => own.Contains(r.Id));
            municipalityQuery = municipalityQuery.Where(m => own.Contains(m.RegionId));
            organizationQuery = organizationQuery.Where(o => own.Contains(o.RegionId));
        }
        var regions = await regionQuery.OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new SelectListItem(r.Name, r.Id.ToString())).ToListAsync();

        long? region = form.RegionId is { } chosen && regions.Any(r => r.Value == chosen.ToString()) ? chosen
            : regions.Count == 1 ? long.Parse(regions[0].Value) : null;
        if (region is { } rid)
        {
            municipalityQuery = municipalityQuery.Where(m => m.RegionId == rid);
            organizationQuery = organizationQuery.Where(o => o.RegionId == rid);
        }
        var municipalities = await municipalityQuery.OrderBy(m => m.Region.Name).ThenBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Name, Region = m.Region.Name }).ToListAsync();

        if (form.MunicipalityId is { } mid && municipalities.Any(m => m.Id == mid))
        {
            organizationQuery = organizationQuery.Where(o => o.MunicipalityId == mid);
        }
        var chooseRegionFirst = region is null && form.MunicipalityId is null && regions.Count > 1;
        var organizations = chooseRegionFirst
            ? []
            : await organizationQuery.OrderBy(o => o.Municipality.Name).ThenBy(o => o.ShortName).ThenBy(o => o.Id)
                .Select(o => new { o.Id, o.ShortName, Municipality = o.Municipality.Name }).ToListAsync();

        var regionGroups = municipalities.Select(m => m.Region).Distinct().ToDictionary(n => n, n => new SelectListGroup { Name = n });
        var municipalityGroups = organizations.Select(o => o.Municipality).Distinct().ToDictionary(n => n, n => new SelectListGroup { Name = n });
        return new AssignmentChoices(
            roles,
            regions,
            municipalities.Select(m => new SelectListItem(m.Name, m.Id.ToString()) { Group = regionGroups[m.Region] }).ToList(),
            organizations.Select(o => new SelectListItem(o.ShortName, o.Id.ToString()) { Group = municipalityGroups[o.Municipality] }).ToList(),
            chooseRegionFirst);
    }
}
