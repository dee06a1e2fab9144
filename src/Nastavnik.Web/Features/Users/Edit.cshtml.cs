using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Data;
using Nastavnik.Data.Entities;
using Nastavnik.Domain.Access;
using Nastavnik.Web.Features.Shared;
using Nastavnik.Web.Infrastructure;

namespace Nastavnik.Web.Features.Users;

/// <summary>ФИО and e-mail; the login stays as it was created.</summary>
[Access(Role.SystemAdmin, Role.RegionAdmin, Entity = ScopedEntity.User)]
public class EditModel(NastavnikDb db, UserManager<User> users, CurrentUser me) : PageModel
{
    [BindProperty] public EditForm Form { get; set; } = new();
    public string UserName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var user = await db.Users.AsNoTracking().InScope(scope).Administered().Where(u => u.Id == id)
            .Select(u => new { u.UserName, u.FullName, u.Email, u.ConcurrencyStamp })
            .SingleOrDefaultAsync();
        if (user is null) return NotFound();
        UserName = user.UserName!;
        Form = new EditForm { FullName = user.FullName, Email = user.Email, ConcurrencyStamp = user.ConcurrencyStamp };
        // The form shows the person's name and e-mail: a read like the card's, filed under the admin's region.
        await db.AuditAsync(AuditAction.Read, nameof(User), id.ToString(), null, "форма изменения");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        var scope = await me.GetScopeAsync();
        var user = await db.Users.InScope(scope).Administered().Include(u => u.Assignments).SingleOrDefaultAsync(u => u.Id == id);
        if (user is null) return NotFound();
        UserName = user.UserName!;
        var refusal = UserAdministration.AccountError(scope,
            user.Assignments.Select(a => new Assignment(a.Role, a.RegionId, a.MunicipalityId, a.OrganizationId)));
        if (refusal is not null) ModelState.AddModelError("", refusal);
        if (!ModelState.IsValid) return Page();

        // Identity's concurrency stamp plays the part of a row version here.
        db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = Form.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        user.FullName = Form.FullName.Trim();
        user.Email = string.IsNullOrWhiteSpace(Form.Email) ? null : Form.Email.Trim();
        user.NormalizedEmail = users.NormalizeEmail(user.Email);
        if (!await db.TrySaveAsync(ModelState)) return Page();
        TempData["Message"] = "Изменения сохранены";
        return RedirectToPage("Card", new { id });
    }

    public sealed class EditForm
    {
        [Required(ErrorMessage = "Укажите ФИО"), StringLength(200, ErrorMessage = "ФИО длиннее 200 символов")]
        public string FullName { get; set; } = "";

        [EmailAddress(ErrorMessage = "E-mail указан неверно"), StringLength(200, ErrorMessage = "E-mail длиннее 200 символов")]
        public string? Email { get; set; }

        public string? ConcurrencyStamp { get; set; }
    }
}
