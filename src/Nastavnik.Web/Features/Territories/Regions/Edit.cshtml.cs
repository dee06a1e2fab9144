using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Territories.Regions;

[Access(Role.SystemAdmin, Entity = ScopedEntity.Region)]
public class EditModel(NastavnikDb db, CurrentUser me) : PageModel
{
    [BindProperty] public RegionForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var form = await db.Regions.AsNoTracking().InScope(scope).Where(r => r.Id == id)
            .Select(r => new RegionForm { Name = r.Name, Code = r.Code ?? "" })
            .SingleOrDefaultAsync();
        if (form is null) return NotFound();
        Form = form;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var region = await db.Regions.InScope(scope).SingleOrDefaultAsync(r => r.Id == id);
        if (region is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        Form.ApplyTo(region);
        if (!await db.TrySaveAsync(ModelState, RegionForm.UniqueError)) return Page();
        TempData["Message"] = $"Регион «{region.Name}» сохранён";
        return RedirectToPage("Index");
    }
}
