using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Data;
using Nastavnik.Data.Entities.People;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.People;

/// <summary>A new person in an organization's bases (awaiting consent until one is recorded), with a pupil's representative.</summary>
[Access(Role.OrgHead, Role.Curator)]
public class CreateModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public PersonForm Form { get; set; } = new();
    [BindProperty, Required(ErrorMessage = "Выберите организацию")] public long? OrganizationId { get; set; }
    [BindProperty] public RepresentativeForm Representative { get; set; } = new();
    public List<SelectListItem> Organizations { get; private set; } = [];
    public List<SelectListItem> Partners { get; private set; } = [];
    public bool IsCurator { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var scope = await LoadAsync();
        var organization = OrganizationId is { } id && PeopleOptions.Organizations(scope).Contains(id) ? await db.Organizations.FindAsync(id) : null;
        if (OrganizationId is not null && organization is null) ModelState.AddModelError(nameof(OrganizationId), "Выберите организацию из списка");
        Form.Validate(ModelState, clock.MoscowToday(), Partners.Select(p => long.Parse(p.Value)).ToList());
        if (Representative.IsFilled && (string.IsNullOrWhiteSpace(Representative.LastName) || string.IsNullOrWhiteSpace(Representative.FirstName)))
        {
            ModelState.AddModelError("Representative.LastName", "Укажите фамилию и имя законного представителя");
        }
        // A new person has no consent yet, so no consent for special categories (ст. 10 152-ФЗ): they come later, on Edit.
        if (IsCurator && Form.SpecialCategories.Count > 0) ModelState.AddModelError("Form.SpecialCategories", ConsentRules.NoSpecialCategories);
        if (!ModelState.IsValid) return Page();

        var person = new Person { RegionId = organization!.RegionId, OrganizationId = organization.Id, Status = PersonStatus.AwaitingConsent };
        Form.ApplyTo(person, specialCategories: false);
        if (person.Kind == PersonKind.Pupil && Representative.IsFilled)
        {
            var parent = new Person
            {
                RegionId = person.RegionId, OrganizationId = person.OrganizationId, Kind = PersonKind.Parent, Status = PersonStatus.AwaitingConsent,
                LastName = Representative.LastName!.Trim(), FirstName = Representative.FirstName!.Trim(), MiddleName = (Representative.MiddleName ?? "").Trim(),
                Phone = (Representative.Phone ?? "").Trim(), Email = (Representative.Email ?? "").Trim(),
            };
            person.Representatives.Add(new LegalRepresentative { Representative = parent, Relationship = Representative.Relationship });
        }
        db.People.Add(person);
        await db.SaveChangesAsync();
        TempData["Message"] = $"{person.FullName} добавлен(а) в базу";
        return RedirectToPage("Card", new { id = person.Id });
    }

    private async Task<Scope> LoadAsync()
    {
        var scope = await me.GetScopeAsync();
        Organizations = await PeopleOptions.OrganizationsAsync(db, scope);
        Partners = await PeopleOptions.PartnersAsync(db, scope);
        IsCurator = scope.OrganizationIdsFor(Role.Curator).Count > 0;
        if (OrganizationId is null && Organizations.Count == 1) OrganizationId = long.Parse(Organizations[0].Value);
        return scope;
    }

    public sealed class RepresentativeForm
    {
        [StringLength(100, ErrorMessage = "Фамилия представителя — не длиннее 100 символов")] public string? LastName { get; set; }
        [StringLength(100, ErrorMessage = "Имя представителя — не длиннее 100 символов")] public string? FirstName { get; set; }
        [StringLength(100, ErrorMessage = "Отчество представителя — не длиннее 100 символов")] public string? MiddleName { get; set; }
        [StringLength(50, ErrorMessage = "Телефон представителя — не длиннее 50 символов")] public string? Phone { get; set; }
        [EmailAddress(ErrorMessage = "E-mail представителя указан неверно"), StringLength(200)] public string? Email { get; set; }
        public Relationship Relationship { get; set; } = Relationship.Mother;

        public bool IsFilled => !string.IsNullOrWhiteSpace(LastName) || !string.IsNullOrWhiteSpace(FirstName) || !string.IsNullOrWhiteSpace(Phone);
    }
}
