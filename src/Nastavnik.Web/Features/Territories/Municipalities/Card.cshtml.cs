using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Territories.Municipalities;

[Access(Role.SystemAdmin, Role.RegionAdmin, Role.MunicipalCoordinator, Entity = ScopedEntity.Municipality)]
public class CardModel(NastavnikDb db, CurrentUser me) : PageModel
{
    /// <summary>A card lists this many organizations; the rest are a link to the filtered list away.</summary>
    public const int OrganizationsShown = 20;

    public Details Municipality { get; private set; } = null!;
    public List<OrganizationRow> Organizations { get; private set; } = [];
    public int OrganizationCount { get; private set; }
    public List<PartnerRow> Partners { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanAddOrganization { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var municipality = await db.Municipalities.AsNoTracking().InScope(scope).Where(m => m.Id == id)
            .Select(m => new Details(m.Id, m.Name, m.Kind, m.AuthorityName, m.RegionId, m.Region.Name))
            .SingleOrDefaultAsync();
        if (municipality is null) return NotFound();
        Municipality = municipality;
        CanEdit = PageAccess.Allows<EditModel>(scope) && scope.ReachesRegion(municipality.RegionId);
        CanAddOrganization = PageAccess.Allows<Organizations.CreateModel>(scope);

        var organizations = db.Organizations.AsNoTracking().InScope(scope).Where(o => o.MunicipalityId == id);
        OrganizationCount = await organizations.CountAsync();
        Organizations = await organizations.OrderBy(o => o.ShortName).ThenBy(o => o.Id)
            .Select(o => new OrganizationRow(o.Id, o.ShortName, o.Type, o.Inn))
            .Take(OrganizationsShown)
            .ToListAsync();
        Partners = await db.Partners.AsNoTracking().InScope(scope)
            .Where(p => p.Municipalities.Any(pm => pm.MunicipalityId == id))
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new PartnerRow(p.Id, p.Name, p.Type))
            .ToListAsync();
        return Page();
    }

    public sealed record Details(long Id, string Name, MunicipalityKind Kind, string AuthorityName, long RegionId, string Region);

    public sealed record OrganizationRow(long Id, string ShortName, OrganizationType Type, string? Inn);

    public sealed record PartnerRow(long Id, string Name, PartnerType Type);
}
