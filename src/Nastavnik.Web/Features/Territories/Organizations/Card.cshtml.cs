using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Territories;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Territories.Organizations;

[Access(Role.SystemAdmin, Role.RegionAdmin, Role.MunicipalCoordinator, Role.OrgHead, Role.Curator, Entity = ScopedEntity.Organization)]
public class CardModel(NastavnikDb db, CurrentUser me) : PageModel
{
    public Details Organization { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanOpenMunicipality { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var organization = await db.Organizations.AsNoTracking().InScope(scope).Where(o => o.Id == id)
            .Select(o => new Details(o.Id, o.Name, o.ShortName, o.Type, o.Inn, o.Address, o.Email,
                o.RegionId, o.Region.Name, o.MunicipalityId, o.Municipality.Name))
            .SingleOrDefaultAsync();
        if (organization is null) return NotFound();
        Organization = organization;
        // The same tests as the edit and municipality pages apply, so a link never leads to a 404.
        var overMunicipality = scope.ReachesMunicipality(organization.RegionId, organization.MunicipalityId);
        CanEdit = PageAccess.Allows<EditModel>(scope) && (overMunicipality || scope.OrganizationIdsFor(Role.OrgHead).Contains(id));
        CanOpenMunicipality = PageAccess.Allows<Municipalities.CardModel>(scope) && overMunicipality;
        return Page();
    }

    public sealed record Details(long Id, string Name, string ShortName, OrganizationType Type, string? Inn, string Address,
        string Email, long RegionId, string Region, long MunicipalityId, string Municipality);
}
