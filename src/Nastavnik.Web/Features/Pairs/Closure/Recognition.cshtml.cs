using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Domain.Access;
using Nastavnik.Domain.Pairs;
using Nastavnik.Domain.People;
using Nastavnik.Domain.Text;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Pairs.Closure;

/// <summary>Mentor recognition for a pair: «благодарность», «грамота» or «приказ о поощрении» (with its number), printed on the Certificate page.</summary>
[Access(Role.OrgHead, Role.Curator, Entity = ScopedEntity.MentoringGroup)]
public class RecognitionModel(NastavnikDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public sealed record Row(long Id, RecognitionKind Kind, string Mentor, DateOnly GrantedOn, string OrderNumber, string Text);

    public List<(long PersonId, string FullName)> Mentors { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public long GroupId { get; private set; }
    [BindProperty] public RecognitionForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await LoadAsync(id) is null) return NotFound();
        Form.GrantedOn = Today();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var group = await LoadAsync(id);
        if (group is null) return NotFound();
        if (!Mentors.Any(m => m.PersonId == Form.PersonId)) ModelState.AddModelError("Form.PersonId", "Выберите наставника пары");
        if (!Enum.IsDefined(Form.Kind)) ModelState.AddModelError("Form.Kind", "Выберите вид поощрения");
        if (Form.Kind == RecognitionKind.Order && string.IsNullOrWhiteSpace(Form.OrderNumber))
            ModelState.AddModelError("Form.OrderNumber", "Укажите номер приказа о поощрении");
        if (Form.GrantedOn > Today()) ModelState.AddModelError("Form.GrantedOn", "Дата поощрения не может быть в будущем");
        if (!ModelState.IsValid) return Page();
        db.Recognitions.Add(new Nastavnik.Data.Entities.Pairs.Recognition
        {
            PersonId = Form.PersonId!.Value, GroupId = id, RegionId = group.Value.RegionId, OrganizationId = group.Value.OrganizationId, Kind = Form.Kind,
            GrantedOn = Form.GrantedOn!.Value, OrderNumber = Form.Kind == RecognitionKind.Order ? Form.OrderNumber!.Trim() : "", Text = (Form.Text ?? "").Trim(),
        });
        await db.SaveChangesAsync();
        TempData["Message"] = $"{Form.Kind.Title()} записана";
        return RedirectToPage(new { id });
    }

    private async Task<(long RegionId, long OrganizationId)?> LoadAsync(long id)
    {
        var group = await db.MentoringGroups.InScope(await me.GetScopeAsync()).Where(g => g.Id == id)
            .Select(g => new
            {
                g.RegionId, g.OrganizationId,
                Mentors = g.Members.Where(m => m.Role == MemberRole.Mentor && db.People.Processable().Any(p => p.Id == m.PersonId))
                    .Select(m => new { m.PersonId, m.Person.LastName, m.Person.FirstName, m.Person.MiddleName }).ToList(),
            }).SingleOrDefaultAsync();
        if (group is null) return null;
        GroupId = id;
        Mentors = group.Mentors.Select(m => (m.PersonId, PeopleTerms.FullName(m.LastName, m.FirstName, m.MiddleName))).ToList();
        Rows = (await db.Recognitions.Where(r => r.GroupId == id).OrderByDescending(r => r.GrantedOn).ThenByDescending(r => r.Id)
                .Select(r => new { r.Id, r.Kind, r.Person.Status, r.Person.LastName, r.Person.FirstName, r.Person.MiddleName, r.GrantedOn, r.OrderNumber, r.Text }).ToListAsync())
            .Select(r => PersonData.IsProcessable(r.Status)
                ? new Row(r.Id, r.Kind, PeopleTerms.FullName(r.LastName, r.FirstName, r.MiddleName), r.GrantedOn, r.OrderNumber, r.Text)
                : new Row(r.Id, r.Kind, PersonData.BlockedName, r.GrantedOn, "", "")).ToList();
        return (group.RegionId, group.OrganizationId);
    }

    private DateOnly Today() => clock.MoscowToday();

    public sealed class RecognitionForm
    {
        [Display(Name = "Наставник"), Required(ErrorMessage = "Выберите наставника")] public long? PersonId { get; set; }
        [Display(Name = "Вид поощрения")] public RecognitionKind Kind { get; set; }
        [Display(Name = "Дата"), Required(ErrorMessage = "Укажите дату поощрения"), DataType(DataType.Date)] public DateOnly? GrantedOn { get; set; }
        [Display(Name = "Номер приказа"), StringLength(50, ErrorMessage = "Номер приказа длиннее 50 символов")] public string? OrderNumber { get; set; }
        [Display(Name = "Текст"), StringLength(2000, ErrorMessage = "Текст длиннее 2000 символов")] public string? Text { get; set; }
    }
}
