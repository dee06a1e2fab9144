using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.People.Programs;

[Access(Role.OrgHead, Role.Curator, Entity = ScopedEntity.Program)]
public class EditModel(NastavnikDb db, CurrentUser me, Microsoft.Extensions.Options.IOptions<NastavnikOptions> options) : PageModel
{
    [BindProperty] public ProgramForm Form { get; set; } = new();
    public List<SelectListItem> Organizations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var program = await FindAsync(id);
        if (program is null) return NotFound();
        Form = ProgramForm.From(program);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var program = await FindAsync(id);
        if (program is null) return NotFound();
        // A programme stays with its organization; the posted value is not trusted.
        Form.OrganizationId = program.OrganizationId;
        ModelState.Remove("Form.OrganizationId");
        Form.Validate(ModelState);
        Form.ValidateRegulation(ModelState, options.Value.MaxUploadBytes);
        if (!ModelState.IsValid) return Page();
        Form.ApplyTo(program);
        await Form.ApplyRegulationAsync(program);
        await db.SaveChangesAsync();
        TempData["Message"] = $"Программа «{program.Name}» сохранена";
        return RedirectToPage("Index");
    }

    /// <summary>Downloads the programme's положение.</summary>
    public async Task<IActionResult> OnGetRegulationAsync(long id)
    {
        var program = await FindAsync(id);
        if (program?.RegulationContent is null) return NotFound();
        return File(program.RegulationContent, "application/octet-stream", program.RegulationFileName);
    }

    public string RegulationFileName { get; private set; } = "";

    /// <summary>The programme, when it belongs to an organization the user heads or curates.</summary>
    private async Task<MentoringProgram?> FindAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var organizations = scope.OrganizationIdsFor(Role.OrgHead, Role.Curator).ToArray();
        var program = await db.Programs.InScope(scope).Where(p => organizations.Contains(p.OrganizationId)).SingleOrDefaultAsync(p => p.Id == id);
        if (program is null) return null;
        RegulationFileName = program.RegulationFileName;
        Organizations = (await ProgramForm.OrganizationsAsync(db, scope)).Where(o => o.Value == program.OrganizationId.ToString()).ToList();
        return program;
    }
}
