using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Territories.Organizations;

[Access(Role.SystemAdmin, Role.RegionAdmin, Role.MunicipalCoordinator, Role.OrgHead, Entity = ScopedEntity.Organization)]
public class EditModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty] public OrganizationForm Form { get; set; } = new();
    /// <summary>Where the organization may move; empty for an org head, who keeps it where it is.</summary>
    public List<SelectListItem> Municipalities { get; private set; } = [];
    public long CurrentMunicipalityId { get; private set; }
    public string CurrentMunicipalityName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var organization = await FindAsync(id);
        if (organization is null) return NotFound();
        Form = OrganizationForm.From(organization);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var organization = await FindAsync(id);
        if (organization is null) return NotFound();
        var moved = Form.MunicipalityId != organization.MunicipalityId;
        if (moved && !Municipalities.Offers(Form.MunicipalityId))
        {
            ModelState.AddModelError("Form.MunicipalityId", "Выберите муниципалитет из списка");
        }
        if (!ModelState.IsValid) return Page();

        Form.ApplyTo(organization);
        if (moved)
        {
            var municipality = await db.Municipalities.InScope(await me.GetScopeAsync()).SingleAsync(m => m.Id == Form.MunicipalityId);
            organization.Municipality = municipality;
            organization.RegionId = municipality.RegionId;
            // The staff's assignments name the organization's municipality and region too; they move with it.
            var assignments = await db.RoleAssignments.Where(a => a.OrganizationId == id).ToListAsync();
            foreach (var a in assignments) (a.MunicipalityId, a.RegionId) = (municipality.Id, municipality.RegionId);
        }
        db.Entry(organization).Property(o => o.Version).OriginalValue = Form.Version;
        if (!await db.TrySaveAsync(ModelState, OrganizationForm.UniqueError)) return Page();
        TempData["Message"] = $"Организация «{organization.ShortName}» сохранена";
        return RedirectToPage("Card", new { id });
    }

    /// <summary>
    /// The organization, when the user may edit it: a territorial role over its municipality, or the head of this
    /// very organization (a curator or mentor there reaches it in scope but does not edit it).
    /// </summary>
    private async Task<Organization?> FindAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var organization = await db.Organizations.InScope(scope).Include(o => o.Municipality).SingleOrDefaultAsync(o => o.Id == id);
        if (organization is null) return null;
        if (!scope.ReachesMunicipality(organization.RegionId, organization.MunicipalityId)
            && !scope.OrganizationIdsFor(Role.OrgHead).Contains(organization.Id))
        {
            return null;
        }
        (CurrentMunicipalityId, CurrentMunicipalityName) = (organization.MunicipalityId, organization.Municipality.Name);
        Municipalities = await TerritoryOptions.MunicipalitiesAsync(db, scope);
        return organization;
    }
}
