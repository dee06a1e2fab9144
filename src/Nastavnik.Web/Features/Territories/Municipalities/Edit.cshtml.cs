using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Territories.Municipalities;

[Access(Role.SystemAdmin, Role.RegionAdmin, Entity = ScopedEntity.Municipality)]
public class EditModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty] public MunicipalityForm Form { get; set; } = new();
    public string RegionName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var municipality = await FindAsync(id);
        if (municipality is null) return NotFound();
        Form = new MunicipalityForm
        {
            Name = municipality.Name, Kind = municipality.Kind, AuthorityName = municipality.AuthorityName,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var municipality = await FindAsync(id);
        if (municipality is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        Form.ApplyTo(municipality);
        if (!await db.TrySaveAsync(ModelState, _ => ("Form.Name", MunicipalityForm.DuplicateName))) return Page();
        TempData["Message"] = $"Муниципалитет «{municipality.Name}» сохранён";
        return RedirectToPage("Card", new { id });
    }

    /// <summary>
    /// The municipality, when the user manages its region. A region administrator who is also a coordinator
    /// elsewhere sees that other municipality but does not edit it. The region itself is fixed: organizations,
    /// partners and role assignments hang on it.
    /// </summary>
    private async Task<Municipality?> FindAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var municipality = await db.Municipalities.InScope(scope).Include(m => m.Region).SingleOrDefaultAsync(m => m.Id == id);
        if (municipality is null || !scope.ReachesRegion(municipality.RegionId)) return null;
        RegionName = municipality.Region.Name;
        return municipality;
    }
}
