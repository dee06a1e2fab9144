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

[Access(Role.SystemAdmin, Role.RegionAdmin, Role.MunicipalCoordinator)]
public class CreateModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty] public OrganizationForm Form { get; set; } = new();
    public List<SelectListItem> Municipalities { get; private set; } = [];

    public async Task OnGetAsync(long? municipalityId)
    {
        Municipalities = await TerritoryOptions.MunicipalitiesAsync(db, await me.GetScopeAsync());
        Form.MunicipalityId = municipalityId ?? (Municipalities.Count == 1 ? long.Parse(Municipalities[0].Value) : null);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var scope = await me.GetScopeAsync();
        Municipalities = await TerritoryOptions.MunicipalitiesAsync(db, scope);
        if (!Municipalities.Offers(Form.MunicipalityId)) ModelState.AddModelError("Form.MunicipalityId", "Выберите муниципалитет из списка");
        if (!ModelState.IsValid) return Page();
        var municipality = await db.Municipalities.InScope(scope).SingleAsync(m => m.Id == Form.MunicipalityId);
        var organization = new Organization { MunicipalityId = municipality.Id, RegionId = municipality.RegionId };
        Form.ApplyTo(organization);
        db.Organizations.Add(organization);
        if (!await db.TrySaveAsync(ModelState, OrganizationForm.UniqueError)) return Page();
        TempData["Message"] = $"Организация «{organization.ShortName}» добавлена";
        return RedirectToPage("Card", new { id = organization.Id });
    }
}
