using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Territories.Municipalities;

[Access(Role.SystemAdmin, Role.RegionAdmin)]
public class CreateModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty] public MunicipalityForm Form { get; set; } = new();
    public List<SelectListItem> Regions { get; private set; } = [];

    public async Task OnGetAsync(long? regionId)
    {
        Regions = await TerritoryOptions.ManagedRegionsAsync(db, await me.GetScopeAsync());
        Form.RegionId = regionId ?? (Regions.Count == 1 ? long.Parse(Regions[0].Value) : null);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Regions = await TerritoryOptions.ManagedRegionsAsync(db, await me.GetScopeAsync());
        if (!Regions.Offers(Form.RegionId)) ModelState.AddModelError("Form.RegionId", "Выберите регион из списка");
        if (!ModelState.IsValid) return Page();
        var municipality = new Municipality { RegionId = Form.RegionId!.Value };
        Form.ApplyTo(municipality);
        db.Municipalities.Add(municipality);
        if (!await db.TrySaveAsync(ModelState, _ => ("Form.Name", MunicipalityForm.DuplicateName))) return Page();
        TempData["Message"] = $"Муниципалитет «{municipality.Name}» добавлен";
        return RedirectToPage("Card", new { id = municipality.Id });
    }
}
