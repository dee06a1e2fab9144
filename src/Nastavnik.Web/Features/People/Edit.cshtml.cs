using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Features.Consents;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.People;

/// <summary>A person's own fields; every changed field goes to the card's history in the same save.</summary>
[Access(Role.OrgHead, Role.Curator, Entity = ScopedEntity.Person)]
public class EditModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public PersonForm Form { get; set; } = new();
    public List<SelectListItem> Partners { get; private set; } = [];
    public bool IsCurator { get; private set; }
    /// <summary>The curator, and a valid consent for special categories (ст. 10 152-ФЗ): only then are they offered and stored.</summary>
    public bool SpecialCategoriesAllowed { get; private set; }
    public string FullName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var person = await FindAsync(id);
        if (person is null) return NotFound();
        Form = PersonForm.From(person);
        await db.AuditAsync(AuditAction.Read, nameof(Data.Entities.People.Person), id.ToString(), person.RegionId, "форма изменения");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var person = await FindAsync(id);
        if (person is null) return NotFound();
        Form.Validate(ModelState, clock.MoscowToday(), Partners.Select(p => long.Parse(p.Value)).ToList());
        if (IsCurator && !SpecialCategoriesAllowed && Form.SpecialCategories.Count > 0)
        {
            ModelState.AddModelError("Form.SpecialCategories", ConsentRules.NoSpecialCategories);
        }
        if (!ModelState.IsValid) return Page();

        var before = PersonHistory.Snapshot(person);
        Form.ApplyTo(person, specialCategories: SpecialCategoriesAllowed);
        PersonHistory.Record(db, person.Id, me.Id, before, PersonHistory.Snapshot(person), clock.GetUtcNow());
        db.Entry(person).Property(p => p.RowVersion).OriginalValue = Form.Version;
        if (!await db.TrySaveAsync(ModelState)) return Page();
        TempData["Message"] = $"Данные {person.FullName} сохранены";
        return RedirectToPage("Card", new { id });
    }

    private async Task<Data.Entities.People.Person?> FindAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var person = await db.People.InScope(scope).Listed().Include(p => p.Consents).SingleOrDefaultAsync(p => p.Id == id);
        if (person is null) return null;
        // Special categories: the curator of the person's own organization only, and only under their own consent.
        IsCurator = scope.OrganizationIdsFor(Role.Curator).Contains(person.OrganizationId);
        SpecialCategoriesAllowed = IsCurator
            && ConsentRules.SpecialCategories(person.BirthDate, person.Kind, ConsentStatus.Facts(person.Consents), clock.MoscowToday()).Allowed;
        Partners = await PeopleOptions.PartnersAsync(db, scope);
        FullName = person.FullName;
        return person;
    }
}
