using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Data;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.People.Programs;

[Access(Role.OrgHead, Role.Curator)]
public class CreateModel(NastavnikDb db, CurrentUser me, Microsoft.Extensions.Options.IOptions<NastavnikOptions> options, TimeProvider clock) : PageModel
{
    [BindProperty] public ProgramForm Form { get; set; } = new();
    public List<SelectListItem> Organizations { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Organizations = await ProgramForm.OrganizationsAsync(db, await me.GetScopeAsync());
        var today = clock.MoscowToday();
        Form.PeriodStart = new DateOnly(today.Month >= 9 ? today.Year : today.Year - 1, 9, 1);
        Form.PeriodEnd = Form.PeriodStart.Value.AddYears(1).AddDays(-1);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var scope = await me.GetScopeAsync();
        Organizations = await ProgramForm.OrganizationsAsync(db, scope);
        var organization = Organizations.Any(o => o.Value == Form.OrganizationId?.ToString())
            ? await db.Organizations.FindAsync(Form.OrganizationId)
            : null;
        if (Form.OrganizationId is not null && organization is null)
        {
            ModelState.AddModelError("Form.OrganizationId", "Выберите организацию из списка");
        }
        Form.Validate(ModelState);
        Form.ValidateRegulation(ModelState, options.Value.MaxUploadBytes);
        if (!ModelState.IsValid) return Page();

        var program = new MentoringProgram { RegionId = organization!.RegionId, OrganizationId = organization.Id, CuratorUserId = me.Id };
        Form.ApplyTo(program);
        await Form.ApplyRegulationAsync(program);
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        TempData["Message"] = $"Программа «{program.Name}» добавлена";
        return RedirectToPage("Index");
    }
}
