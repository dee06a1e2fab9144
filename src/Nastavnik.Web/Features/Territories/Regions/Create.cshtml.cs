using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Territories.Regions;

[Access(Role.SystemAdmin)]
public class CreateModel(NastavnikDb db) : PageModel
{
    [BindProperty] public RegionForm Form { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var region = new Region();
        Form.ApplyTo(region);
        db.Regions.Add(region);
        if (!await db.TrySaveAsync(ModelState, RegionForm.UniqueError)) return Page();
        TempData["Message"] = $"Регион «{region.Name}» добавлен";
        return RedirectToPage("Index");
    }
}
