using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Territories.Partners;

[Access(Role.SystemAdmin, Role.RegionAdmin, Role.MunicipalCoordinator, Entity = ScopedEntity.Partner)]
public class CardModel(NastavnikDb db, CurrentUser me) : PageModel
{
    public Details Partner { get; private set; } = null!;
    public List<ServedMunicipality> Served { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var partner = await db.Partners.AsNoTracking().InScope(scope).Where(p => p.Id == id)
            .Select(p => new Details(p.Id, p.Name, p.Type, p.Inn, p.ContactPerson, p.Email, p.Phone, p.RegionId, p.Region.Name))
            .SingleOrDefaultAsync();
        if (partner is null) return NotFound();
        Partner = partner;
        CanEdit = PageAccess.Allows<EditModel>(scope) && scope.ReachesRegion(partner.RegionId);
        var served = await db.PartnerMunicipalities.AsNoTracking().Where(pm => pm.PartnerId == id)
            .OrderBy(pm => pm.Municipality.Name).ThenBy(pm => pm.MunicipalityId)
            .Select(pm => new { pm.MunicipalityId, pm.Municipality.Name, pm.Municipality.RegionId })
            .ToListAsync();
        // A coordinator sees every municipality the partner serves by name, but opens only the cards of their own.
        Served = served.Select(m => new ServedMunicipality(m.MunicipalityId, m.Name, scope.ReachesMunicipality(m.RegionId, m.MunicipalityId)))
            .ToList();
        return Page();
    }

    public sealed record Details(long Id, string Name, PartnerType Type, string? Inn, string ContactPerson, string Email, string Phone,
        long RegionId, string Region);

    public sealed record ServedMunicipality(long Id, string Name, bool CanOpen);
}
