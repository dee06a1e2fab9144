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

[Access(Role.SystemAdmin, Role.RegionAdmin)]
public class CreateModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty] public PartnerForm Form { get; set; } = new();
    public List<SelectListItem> Regions { get; private set; } = [];
    /// <summary>The municipalities of the chosen region: the partner may serve any of them.</summary>
    public List<SelectListItem> RegionMunicipalities { get; private set; } = [];

    public async Task OnGetAsync(long? regionId)
    {
        var scope = await me.GetScopeAsync();
        Regions = await TerritoryOptions.ManagedRegionsAsync(db, scope);
        Form.RegionId = regionId ?? (Regions.Count == 1 ? long.Parse(Regions[0].Value) : null);
        RegionMunicipalities = await MunicipalitiesOfRegionAsync(scope);
    }

    /// <summary>Shows the municipalities of the region picked in the form, keeping what was typed (works without JavaScript).</summary>
    public async Task<IActionResult> OnPostRegionAsync()
    {
        ModelState.Clear();
        var scope = await me.GetScopeAsync();
        Regions = await TerritoryOptions.ManagedRegionsAsync(db, scope);
        RegionMunicipalities = await MunicipalitiesOfRegionAsync(scope);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var scope = await me.GetScopeAsync();
        Regions = await TerritoryOptions.ManagedRegionsAsync(db, scope);
        RegionMunicipalities = await MunicipalitiesOfRegionAsync(scope);
        if (!Regions.Offers(Form.RegionId))
        {
            ModelState.AddModelError("Form.RegionId", "Выберите регион из списка");
        }
        else if (!await Form.MunicipalitiesBelongToRegionAsync(db, scope))
        {
            ModelState.AddModelError("Form.MunicipalityIds", PartnerForm.MunicipalitiesOutsideRegion);
        }
        if (!ModelState.IsValid) return Page();

        var partner = new Partner();
        Form.ApplyTo(partner);
        db.Partners.Add(partner);
        if (!await db.TrySaveAsync(ModelState, _ => ("Form.Name", PartnerForm.DuplicateName))) return Page();
        TempData["Message"] = $"Партнёр «{partner.Name}» добавлен";
        return RedirectToPage("Card", new { id = partner.Id });
    }

    private async Task<List<SelectListItem>> MunicipalitiesOfRegionAsync(Scope scope) =>
        Regions.Offers(Form.RegionId) ? await TerritoryOptions.MunicipalitiesAsync(db, scope, Form.RegionId) : [];
}
