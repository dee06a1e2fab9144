using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Territories.Organizations;

/// <summary>
/// The organizations list as .xlsx, filtered like the list page, in the import's columns so that an exported file
/// can be corrected and loaded back.
/// </summary>
[Access(Role.SystemAdmin, Role.RegionAdmin, Role.MunicipalCoordinator)]
public class ExportModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? q, long? regionId, long? municipalityId, OrganizationType? type)
    {
        var scope = await me.GetScopeAsync();
        var query = db.Organizations.AsNoTracking().InScope(scope);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var like = Paging.Like(q);
            query = query.Where(o => EF.Functions.ILike(o.Name, like) || EF.Functions.ILike(o.ShortName, like)
                || (o.Inn != null && EF.Functions.ILike(o.Inn, like)));
        }
        if (regionId is { } r) query = query.Where(o => o.RegionId == r);
        if (municipalityId is { } m) query = query.Where(o => o.MunicipalityId == m);
        if (type is { } t) query = query.Where(o => o.Type == t);
        var organizations = await query
            .OrderBy(o => o.Municipality.Name).ThenBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new { o.Name, o.ShortName, o.Type, Municipality = o.Municipality.Name, o.Inn, o.Address, o.Email, o.RegionId })
            .ToListAsync();

        var rows = organizations.Select(o => (IReadOnlyList<string>)[o.Name, o.ShortName, o.Type.Title(), o.Municipality, o.Inn ?? "", o.Address, o.Email]);
        var content = XlsxWriter.Write("Организации", OrganizationImport.Columns, rows);
        var fileName = $"organizations-{clock.MoscowToday():yyyy-MM-dd}.xlsx";
        var regions = organizations.Select(o => o.RegionId).Distinct().ToList();
        await db.AuditAsync(AuditAction.Export, nameof(Organization), "", regions.Count == 1 ? regions[0] : null,
            $"{RussianPlural.Format(organizations.Count, "организация", "организации", "организаций")} в файле {fileName}");
        return File(content, XlsxWriter.ContentType, fileName);
    }
}
