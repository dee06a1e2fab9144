using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Territories.Partners;

[Access(Role.SystemAdmin, Role.RegionAdmin, Entity = ScopedEntity.Partner)]
public class EditModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty] public PartnerForm Form { get; set; } = new();
    public List<SelectListItem> Regions { get; private set; } = [];
    /// <summary>The municipalities of the chosen region: the partner may serve any of them.</summary>
    public List<SelectListItem> RegionMunicipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var partner = await FindAsync(id);
        if (partner is null) return NotFound();
        Form = PartnerForm.From(partner);
        RegionMunicipalities = await MunicipalitiesOfRegionAsync();
        return Page();
    }

    /// <summary>Shows the municipalities of the region picked in the form, keeping what was typed (works without JavaScript).</summary>
    public async Task<IActionResult> OnPostRegionAsync(long id)
    {
        if (await FindAsync(id) is null) return NotFound();
        ModelState.Clear();
        RegionMunicipalities = await MunicipalitiesOfRegionAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var partner = await FindAsync(id);
        if (partner is null) return NotFound();
        RegionMunicipalities = await MunicipalitiesOfRegionAsync();
        if (!Regions.Offers(Form.RegionId))
        {
            ModelState.AddModelError("Form.RegionId", "Выберите регион из списка");
        }
        else if (!await Form.MunicipalitiesBelongToRegionAsync(db, await me.GetScopeAsync()))
        {
            ModelState.AddModelError("Form.MunicipalityIds", PartnerForm.MunicipalitiesOutsideRegion);
        }
        if (!ModelState.IsValid) return Page();

        if (Form.ApplyTo(partner))
        {
            // The served municipalities are rows of their own; touching the partner row makes PostgreSQL check
            // (and bump) its xmin, so a stale form cannot silently overwrite someone else's choice of municipalities.
            db.Entry(partner).Property(p => p.Name).IsModified = true;
        }
        db.Entry(partner).Property(p => p.Version).OriginalValue = Form.Version;
        if (!await db.TrySaveAsync(ModelState, _ => ("Form.Name", PartnerForm.DuplicateName))) return Page();
        TempData["Message"] = $"Партнёр «{partner.Name}» сохранён";
        return RedirectToPage("Card", new { id });
    }

    /// <summary>The partner, when the user manages its region (a coordinator sees partners but does not edit them).</summary>
    private async Task<Partner?> FindAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var partner = await db.Partners.InScope(scope).Include(p => p.Municipalities).SingleOrDefaultAsync(p => p.Id == id);
        if (partner is null || !scope.ReachesRegion(partner.RegionId)) return null;
        Regions = await TerritoryOptions.ManagedRegionsAsync(db, scope);
        return partner;
    }

    private async Task<List<SelectListItem>> MunicipalitiesOfRegionAsync() =>
        Regions.Offers(Form.RegionId) ? await TerritoryOptions.MunicipalitiesAsync(db, await me.GetScopeAsync(), Form.RegionId) : [];
}
